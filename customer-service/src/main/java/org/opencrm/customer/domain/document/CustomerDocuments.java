package org.opencrm.customer.domain.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents' metadata in PostgreSQL. Deleting a row (here, or by the customer's cascade) queues its object for
 * removal in the same transaction (trigger {@code customer_document_deleted}, see {@link DocumentCleanup}).
 */
@Repository
public class CustomerDocuments {

    private static final String COLUMNS = "id, customer_id, filename, content_type, size_bytes, sha256, storage_key, "
            + "uploaded_by, uploaded_by_name, uploaded_at";

    private final JdbcClient jdbc;

    public CustomerDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row; a second copy of the same content for the same customer violates {@link #CONTENT_UNIQUE}. */
    public void insert(DocumentRow document) {
        jdbc.sql("insert into customer_document (" + COLUMNS + ") values (:id, :customerId, :filename, :contentType, "
                + ":size, :sha256, :storageKey, :uploadedBy, :uploadedByName, :uploadedAt)")
            .param("id", document.id())
            .param("customerId", document.customerId())
            .param("filename", document.filename())
            .param("contentType", document.contentType())
            .param("size", document.size())
            .param("sha256", document.sha256())
            .param("storageKey", document.storageKey())
            .param("uploadedBy", document.uploadedBy())
            .param("uploadedByName", document.uploadedByName())
            .param("uploadedAt", Timestamp.from(document.uploadedAt()))
            .update();
    }

    /** The constraint a second upload of the same content to the same customer violates. */
    public static final String CONTENT_UNIQUE = "customer_document_content_unique";

    public Optional<DocumentRow> find(UUID customerId, UUID documentId) {
        return jdbc.sql("select " + COLUMNS + " from customer_document where id = :id and customer_id = :customerId")
            .param("id", documentId)
            .param("customerId", customerId)
            .query(CustomerDocuments::row)
            .optional();
    }

    /** Newest first; one row more than asked, so the caller knows whether another page exists. */
    public List<DocumentRow> page(UUID customerId, PageCursor after, int size) {
        String keyset = after == null ? "" : " and (uploaded_at, id) < (:afterAt, :afterId)";
        JdbcClient.StatementSpec spec = jdbc.sql("select " + COLUMNS + " from customer_document "
                + "where customer_id = :customerId" + keyset + " order by uploaded_at desc, id desc limit :limit")
            .param("customerId", customerId)
            .param("limit", size + 1);
        if (after != null) {
            spec = spec.param("afterAt", Timestamp.from(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(CustomerDocuments::row).list();
    }

    /** @return whether the row existed */
    public boolean delete(UUID documentId) {
        return jdbc.sql("delete from customer_document where id = :id").param("id", documentId).update() == 1;
    }

    /** By position, {@code timestamptz} as {@link OffsetDateTime}: no name probing per row. */
    private static DocumentRow row(ResultSet rs, int rowNum) throws SQLException {
        return new DocumentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }
}

package org.opencrm.customer.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A customer's notes, newest first, keyset-paginated on {@code (created_at, id)}. */
@Repository
public class NoteSearch {

    private final JdbcClient jdbc;

    public NoteSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<NoteRow> page(UUID customerId, PageCursor after, int size) {
        String sql = "select id, customer_id, author_id, author_name, body, created_at, updated_at, version"
                + " from customer_note where customer_id = :customerId"
                + (after == null ? "" : " and (created_at, id) < (:after, :afterId)")
                + " order by created_at desc, id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("customerId", customerId).param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", Timestamp.from(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(NoteSearch::row).list();
    }

    /** The cursor a page ended with; invalid when another customer's list (or another list) issued it. */
    public static PageCursor decodeCursor(UUID customerId, String cursor) {
        return PageCursor.decode(cursor, listOf(customerId));
    }

    public static PageCursor cursorAfter(NoteRow note) {
        return new PageCursor(listOf(note.customerId()), note.createdAt().toString(), note.id());
    }

    private static String listOf(UUID customerId) {
        return "notes." + customerId;
    }

    /** Columns by position, {@code timestamptz} as {@link OffsetDateTime}: no probing, no exceptions per row. */
    private static NoteRow row(ResultSet rs, int rowNum) throws SQLException {
        return new NoteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8));
    }
}

package org.opencrm.customer.domain.document;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Objects of the document store that must go, kept in PostgreSQL so that none is forgotten: one reserved before each
 * upload (released when the document's row commits, so a crash between the upload and the commit leaves an entry
 * that removes the object later), and one per deleted document row (the trigger {@code customer_document_deleted}
 * adds it in the deleting transaction). An entry is due at {@code not_before}; claiming it moves that forward by a
 * lease, so that several instances never work on the same one.
 */
@Repository
public class DocumentCleanup {

    private final JdbcClient jdbc;

    public DocumentCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The object about to be written is removed at {@code notBefore} unless {@link #release} comes first. */
    public void reserve(String storageKey, Instant notBefore) {
        jdbc.sql("insert into document_object_cleanup (storage_key, not_before) values (:key, :notBefore)")
            .param("key", storageKey)
            .param("notBefore", Timestamp.from(notBefore))
            .update();
    }

    /** The object is referenced by a committed row, or already removed: nothing left to do. */
    public void release(String storageKey) {
        jdbc.sql("delete from document_object_cleanup where storage_key = :key").param("key", storageKey).update();
    }

    /** Due now: the sweeper's next pass removes it. */
    public void dueNow(String storageKey, Instant now) {
        jdbc.sql("update document_object_cleanup set not_before = :now where storage_key = :key")
            .param("key", storageKey)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** Takes up to {@code limit} due entries, leased for {@code lease}. */
    public List<String> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                update document_object_cleanup set not_before = :leasedUntil
                where storage_key in (select storage_key from document_object_cleanup where not_before <= :now
                                      order by not_before limit :limit for update skip locked)
                returning storage_key""")
            .param("now", Timestamp.from(now))
            .param("leasedUntil", Timestamp.from(now.plus(lease)))
            .param("limit", limit)
            .query(String.class)
            .list();
    }

    /** The store refused or did not answer: again after {@code backoff}. */
    public void failed(String storageKey, String error, Instant retryAt) {
        jdbc.sql("""
                update document_object_cleanup set attempts = attempts + 1, last_error = :error, not_before = :retryAt
                where storage_key = :key""")
            .param("key", storageKey)
            .param("error", error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000)))
            .param("retryAt", Timestamp.from(retryAt))
            .update();
    }

    public int attempts(String storageKey) {
        return jdbc.sql("select attempts from document_object_cleanup where storage_key = :key")
            .param("key", storageKey).query(Integer.class).optional().orElse(0);
    }
}

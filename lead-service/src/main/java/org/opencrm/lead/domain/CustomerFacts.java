package org.opencrm.lead.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's copy of the customers it needs (id, name, whether deleted), kept from customer events. Events may
 * arrive twice or out of order: an older state never overwrites a newer one, of deletions and restores the latest
 * wins (customer-service deletes softly and restores within its retention), and a purge is final.
 */
@Repository
public class CustomerFacts {

    private final JdbcClient jdbc;

    public CustomerFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the customer's name as of {@code changedAt}, unless a later state or its deletion is known. */
    public void named(UUID id, String name, Instant changedAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at) values (:id, :name, false, :changedAt)
                on conflict (id) do update set name = excluded.name, changed_at = excluded.changed_at
                where not customer.deleted and customer.changed_at < excluded.changed_at
                """)
            .param("id", id).param("name", name).param("changedAt", Timestamp.from(changedAt))
            .update();
    }

    /** Records the deletion, unless a later deletion or restore is known or the customer was purged. */
    public void deleted(UUID id, String name, Instant deletedAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at, deleted_changed_at)
                values (:id, :name, true, :deletedAt, :deletedAt)
                on conflict (id) do update set deleted = true, deleted_changed_at = excluded.deleted_changed_at
                where customer.purged_at is null and (customer.deleted_changed_at is null
                    or customer.deleted_changed_at < excluded.deleted_changed_at)
                """)
            .param("id", id).param("name", name == null ? "" : name).param("deletedAt", Timestamp.from(deletedAt))
            .update();
    }

    /**
     * Makes a deleted customer usable again, unless a later deletion or restore is known or the customer was purged;
     * its name only when no later state is known.
     */
    public void restored(UUID id, String name, Instant restoredAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at, deleted_changed_at)
                values (:id, :name, false, :restoredAt, :restoredAt)
                on conflict (id) do update set deleted = false, deleted_changed_at = excluded.deleted_changed_at,
                    name = case when customer.changed_at <= excluded.changed_at
                        then coalesce(nullif(excluded.name, ''), customer.name) else customer.name end,
                    changed_at = greatest(customer.changed_at, excluded.changed_at)
                where customer.purged_at is null and (customer.deleted_changed_at is null
                    or customer.deleted_changed_at < excluded.deleted_changed_at)
                """)
            .param("id", id).param("name", name == null ? "" : name).param("restoredAt", Timestamp.from(restoredAt))
            .update();
    }

    /**
     * Erases what is known of the customer but its id, deleted for good (a tombstone: no later event restores or
     * names it, no lead is created for it), and what was heard about it.
     */
    public void purged(UUID id, Instant purgedAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at, deleted_changed_at, purged_at)
                values (:id, '', true, :purgedAt, :purgedAt, :purgedAt)
                on conflict (id) do update set name = '', deleted = true, purged_at = excluded.purged_at,
                    changed_at = greatest(customer.changed_at, excluded.changed_at),
                    deleted_changed_at = greatest(customer.deleted_changed_at, excluded.deleted_changed_at)
                where customer.purged_at is null
                """)
            .param("id", id).param("purgedAt", Timestamp.from(purgedAt))
            .update();
        jdbc.sql("delete from customer_signal where customer_id = :id").param("id", id).update();
    }

    /**
     * The customer's name when it exists and is not deleted, its row locked against a deletion or purge until the
     * caller's transaction ends: a lead created with it is never left behind by a purge running at the same time.
     */
    public Optional<String> activeName(UUID id) {
        return jdbc.sql("select name from customer where id = :id and not deleted for share").param("id", id)
            .query(String.class).optional();
    }

    public Optional<String> name(UUID id) {
        return jdbc.sql("select name from customer where id = :id").param("id", id).query(String.class).optional();
    }
}

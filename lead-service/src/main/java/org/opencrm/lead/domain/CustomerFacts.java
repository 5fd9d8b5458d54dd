package org.opencrm.lead.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's copy of the customers it needs (id, name, whether deleted), kept from customer events. Events may
 * arrive twice or out of order: an older state never overwrites a newer one, and a deletion holds until the customer
 * is restored (customer-service deletes softly and restores within its retention).
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

    /** Records the deletion, whatever arrived before or arrives after. */
    public void deleted(UUID id, String name, Instant deletedAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at) values (:id, :name, true, :deletedAt)
                on conflict (id) do update set deleted = true
                """)
            .param("id", id).param("name", name == null ? "" : name).param("deletedAt", Timestamp.from(deletedAt))
            .update();
    }

    /**
     * Makes a deleted customer usable again, unless a later state is known: the deletion was before the restore, so
     * only a state recorded after the restore wins over it.
     */
    public void restored(UUID id, String name, Instant restoredAt) {
        jdbc.sql("""
                insert into customer (id, name, deleted, changed_at) values (:id, :name, false, :restoredAt)
                on conflict (id) do update set deleted = false, changed_at = excluded.changed_at,
                    name = coalesce(nullif(excluded.name, ''), customer.name)
                where customer.changed_at <= excluded.changed_at
                """)
            .param("id", id).param("name", name == null ? "" : name).param("restoredAt", Timestamp.from(restoredAt))
            .update();
    }

    /** The customer's name when it exists and is not deleted. */
    public Optional<String> activeName(UUID id) {
        return jdbc.sql("select name from customer where id = :id and not deleted").param("id", id)
            .query(String.class).optional();
    }

    public Optional<String> name(UUID id) {
        return jdbc.sql("select name from customer where id = :id").param("id", id).query(String.class).optional();
    }
}

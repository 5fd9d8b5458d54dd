package org.opencrm.activity.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers this service has heard of, kept from customer events: follow-ups may name only those that exist and
 * are not deleted. A redelivered or late event never overwrites a newer state; a purge is final.
 */
@Repository
public class KnownCustomers {

    /** Later than any event: what a purge leaves, so that nothing arriving after it changes the row. */
    private static final String FINAL = "infinity";

    private final JdbcClient jdbc;

    public KnownCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer as of {@code at}: named, existing. */
    public void named(UUID id, String name, Instant at) {
        upsert(id, name, false, at);
    }

    /** Applies what a customer event's type says about the customer's existence (other types change nothing). */
    public void heardOf(UUID id, String eventType, Instant at) {
        switch (eventType) {
            case "customer.deleted" -> upsert(id, null, true, at);
            case "customer.restored" -> upsert(id, null, false, at);
            default -> {
                // notes, documents, updates…: the customer exists, nothing to change here
            }
        }
    }

    /** The customer is gone for good: its row stays, nameless, as the tombstone that no later event overwrites. */
    public void purged(UUID id) {
        jdbc.sql("""
                insert into known_customer (id, deleted, changed_at) values (:id, true, cast(:final as timestamptz))
                on conflict (id) do update set name = null, deleted = true, changed_at = excluded.changed_at""")
            .param("id", id).param("final", FINAL).update();
    }

    public boolean isPurged(UUID id) {
        return jdbc.sql("""
                select count(*) from known_customer where id = :id and changed_at = cast(:final as timestamptz)""")
            .param("id", id).param("final", FINAL).query(Long.class).single() > 0;
    }

    /** Whether the customer exists and is not deleted. */
    public boolean isActive(UUID id) {
        return jdbc.sql("select count(*) from known_customer where id = :id and not deleted").param("id", id)
            .query(Long.class).single() > 0;
    }

    private void upsert(UUID id, String name, boolean deleted, Instant at) {
        jdbc.sql("""
                insert into known_customer (id, name, deleted, changed_at) values (:id, :name, :deleted, :at)
                on conflict (id) do update set name = coalesce(excluded.name, known_customer.name),
                    deleted = excluded.deleted, changed_at = excluded.changed_at
                where known_customer.changed_at <= excluded.changed_at""")
            .param("id", id).param("name", name).param("deleted", deleted)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }
}

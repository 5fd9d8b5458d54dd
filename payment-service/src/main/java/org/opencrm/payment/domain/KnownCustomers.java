package org.opencrm.payment.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers this service has heard of, kept from customer events: payments may name only those that exist and
 * are not deleted, and a sales user sees the payments of the customers they own. A redelivered or late event never
 * overwrites a newer state (the name and existence, and the owner, each by their own time); a purge is final.
 */
@Repository
public class KnownCustomers {

    /** Later than any event: what a purge leaves, so that nothing arriving after it changes the row. */
    private static final String FINAL = "infinity";

    private final JdbcClient jdbc;

    public KnownCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer exists as of {@code at}, with this name (null: unchanged). */
    public void named(UUID id, String name, Instant at) {
        upsert(id, name, false, at);
    }

    public void deleted(UUID id, Instant at) {
        upsert(id, null, true, at);
    }

    public void restored(UUID id, Instant at) {
        upsert(id, null, false, at);
    }

    /** Gone for good: nothing arriving later brings it back. */
    public void purged(UUID id) {
        jdbc.sql("""
                insert into known_customer (id, deleted, changed_at, owner_changed_at)
                values (:id, true, cast(:final as timestamptz), cast(:final as timestamptz))
                on conflict (id) do update set deleted = true, changed_at = excluded.changed_at,
                    owner_changed_at = excluded.owner_changed_at""")
            .param("id", id).param("final", FINAL).update();
    }

    /**
     * The customer is owned by {@code ownerId} (null: nobody) as of {@code at}. Heard of first this way, its name and
     * existence are as old as can be, so that any name event still applies.
     */
    public void owned(UUID id, String ownerId, Instant at) {
        jdbc.sql("""
                insert into known_customer (id, owner_id, changed_at, owner_changed_at)
                values (:id, :owner, cast('-infinity' as timestamptz), :at)
                on conflict (id) do update set owner_id = excluded.owner_id, owner_changed_at = excluded.owner_changed_at
                where known_customer.owner_changed_at is null or known_customer.owner_changed_at <= excluded.owner_changed_at""")
            .param("id", id).param("owner", ownerId).param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    public Optional<KnownCustomer> find(UUID id) {
        return jdbc.sql("select id, name, owner_id, deleted from known_customer where id = :id")
            .param("id", id)
            .query((rs, n) -> new KnownCustomer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getBoolean(4)))
            .optional();
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

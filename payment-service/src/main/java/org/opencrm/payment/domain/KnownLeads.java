package org.opencrm.payment.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leads this service has heard of, kept from lead events: a payment's lead must be its customer's, and a sales
 * user sees the payments of the leads assigned to them. A late event never overwrites a newer state; a deletion is
 * final.
 */
@Repository
public class KnownLeads {

    private final JdbcClient jdbc;

    public KnownLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lead exists as of {@code at}; its assignee stays as known. */
    public void heardOf(UUID id, UUID customerId, String title, Instant at) {
        jdbc.sql("""
                insert into known_lead (id, customer_id, title, changed_at) values (:id, :customerId, :title, :at)
                on conflict (id) do update set title = coalesce(excluded.title, known_lead.title),
                    changed_at = excluded.changed_at
                where known_lead.changed_at <= excluded.changed_at and not known_lead.deleted""")
            .param("id", id).param("customerId", customerId).param("title", title)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    /** The lead is assigned to {@code assignee} (null: nobody) as of {@code at}. */
    public void assigned(UUID id, UUID customerId, String title, String assignee, Instant at) {
        jdbc.sql("""
                insert into known_lead (id, customer_id, title, assignee, changed_at)
                values (:id, :customerId, :title, :assignee, :at)
                on conflict (id) do update set title = coalesce(excluded.title, known_lead.title),
                    assignee = excluded.assignee, changed_at = excluded.changed_at
                where known_lead.changed_at <= excluded.changed_at and not known_lead.deleted""")
            .param("id", id).param("customerId", customerId).param("title", title).param("assignee", assignee)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    /** The deletion is final, whatever arrives after it; the assignee stays, so its payments stay visible to them. */
    public void deleted(UUID id, UUID customerId, Instant at) {
        jdbc.sql("""
                insert into known_lead (id, customer_id, deleted, changed_at) values (:id, :customerId, true, :at)
                on conflict (id) do update set deleted = true""")
            .param("id", id).param("customerId", customerId).param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    public Optional<KnownLead> find(UUID id) {
        return jdbc.sql("select id, customer_id, title, assignee, deleted from known_lead where id = :id")
            .param("id", id)
            .query((rs, n) -> new KnownLead(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), rs.getBoolean(5)))
            .optional();
    }
}

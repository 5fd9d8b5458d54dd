package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leads as their events describe them: status (and when it closed), source and value, assignee, each group guarded by
 * the time it was true; the creation time is the earliest heard of; a deletion is final. Every change moves the lead
 * between its kept counts ({@link LeadRollups}) in the same transaction, and a new assignee its payments, refunds and
 * follow-ups between theirs ({@link OwnedRollups}).
 */
@Repository
public class LeadFacts {

    private final JdbcClient jdbc;
    private final LeadRollups rollups;
    private final OwnedRollups owned;

    public LeadFacts(JdbcClient jdbc, LeadRollups rollups, OwnedRollups owned) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.owned = owned;
    }

    public void created(UUID id, UUID customerId, Instant at) {
        LeadRollups.State before = ensure(id, customerId);
        jdbc.sql("update lead_fact set created_at = :at where id = :id and (created_at is null or created_at > :at)")
            .param("id", id).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
    }

    public void described(UUID id, UUID customerId, String source, BigDecimal value, String currency, Instant at) {
        LeadRollups.State before = ensure(id, customerId);
        jdbc.sql("""
                update lead_fact set source = :source, value = :value, currency = :currency, fields_at = :at
                where id = :id and fields_at <= :at""")
            .param("id", id).param("source", source).param("value", value).param("currency", currency)
            .param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
    }

    public void assigned(UUID id, UUID customerId, String assignee, Instant at) {
        LeadRollups.State before = ensure(id, customerId);
        boolean moves = jdbc.sql("""
                select assignee_at <= :at and assignee is distinct from :assignee from lead_fact where id = :id""")
            .param("id", id).param("assignee", assignee).param("at", utc(at)).query(Boolean.class).single();
        OwnedRollups.Counted counted = moves ? owned.lead(id) : null;
        jdbc.sql("update lead_fact set assignee = :assignee, assignee_at = :at where id = :id and assignee_at <= :at")
            .param("id", id).param("assignee", assignee).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
        if (moves) {
            owned.move(counted, owned.lead(id));
        }
    }

    public void status(UUID id, UUID customerId, String status, Instant at) {
        LeadRollups.State before = ensure(id, customerId);
        boolean closed = "CLOSED_WON".equals(status) || "CLOSED_LOST".equals(status);
        jdbc.sql("""
                update lead_fact set status = :status, status_at = :at, closed_at = :closedAt
                where id = :id and status_at <= :at""")
            .param("id", id).param("status", status).param("at", utc(at)).param("closedAt", closed ? utc(at) : null)
            .update();
        rollups.move(before, rollups.state(id));
    }

    public void deleted(UUID id, UUID customerId) {
        LeadRollups.State before = ensure(id, customerId);
        jdbc.sql("update lead_fact set deleted = true where id = :id").param("id", id).update();
        rollups.move(before, rollups.state(id));
    }

    /** Makes the row if it is new, and gives its state before the change. */
    private LeadRollups.State ensure(UUID id, UUID customerId) {
        jdbc.sql("insert into lead_fact (id, customer_id) values (:id, :customerId) on conflict do nothing")
            .param("id", id).param("customerId", customerId).update();
        return rollups.state(id);
    }
}

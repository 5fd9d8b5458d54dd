package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follow-ups: every event carries the whole state, so the newest one wins; creation is the earliest heard of. Each
 * change moves it between the kept counts of open follow-ups ({@link OwnedRollups}) in the same transaction.
 */
@Repository
public class FollowUpFacts {

    private final JdbcClient jdbc;
    private final OwnedRollups rollups;

    public FollowUpFacts(JdbcClient jdbc, OwnedRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    public void changed(UUID id, UUID customerId, UUID leadId, String assignee, String status, Instant dueAt,
            Instant at, boolean creation) {
        rollups.shared(customerId, leadId);
        OwnedRollups.Counted before = rollups.followUp(id);
        jdbc.sql("""
                insert into follow_up_fact (id, customer_id, lead_id, assignee, status, due_at, changed_at, created_at)
                values (:id, :customerId, :leadId, :assignee, :status, :dueAt, :at, :createdAt)
                on conflict (id) do update set
                    customer_id = case when follow_up_fact.changed_at <= excluded.changed_at
                        then excluded.customer_id else follow_up_fact.customer_id end,
                    lead_id = case when follow_up_fact.changed_at <= excluded.changed_at
                        then excluded.lead_id else follow_up_fact.lead_id end,
                    assignee = case when follow_up_fact.changed_at <= excluded.changed_at
                        then excluded.assignee else follow_up_fact.assignee end,
                    status = case when follow_up_fact.changed_at <= excluded.changed_at
                        then excluded.status else follow_up_fact.status end,
                    due_at = case when follow_up_fact.changed_at <= excluded.changed_at
                        then excluded.due_at else follow_up_fact.due_at end,
                    changed_at = greatest(follow_up_fact.changed_at, excluded.changed_at),
                    created_at = least(follow_up_fact.created_at, excluded.created_at)""")
            .param("id", id).param("customerId", customerId).param("leadId", leadId).param("assignee", assignee)
            .param("status", status).param("dueAt", utc(dueAt)).param("at", utc(at))
            .param("createdAt", creation ? utc(at) : null).update();
        rollups.move(before, rollups.followUp(id));
    }
}

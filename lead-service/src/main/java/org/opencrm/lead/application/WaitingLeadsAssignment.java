package org.opencrm.lead.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.lead.events.out.LeadAssigned;
import org.opencrm.platform.history.FieldHistory;
import org.opencrm.platform.outbox.OutboxWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns the open leads left unassigned while the user directory did not answer. Each batch is one short
 * transaction over rows taken with SKIP LOCKED: replicas share the work, a user editing one of them is not waited for
 * (that lead waits for the next run), and the lead's version moves like any other assignment's.
 */
@Service
public class WaitingLeadsAssignment {

    private final AutomaticAssignment assignment;

    private final JdbcClient jdbc;

    private final OutboxWriter outbox;

    private final Clock clock;

    private final FieldHistory history;

    public WaitingLeadsAssignment(AutomaticAssignment assignment, JdbcClient jdbc, OutboxWriter outbox, Clock clock,
            FieldHistory history) {
        this.assignment = assignment;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.history = history;
    }

    /** @return how many leads were assigned (fewer than {@code limit}: none is left waiting, or nobody to take them) */
    @Transactional
    public int assign(List<Candidate> members, int limit) {
        List<Waiting> waiting = jdbc.sql("""
                select id, customer_id, title from lead
                where assigned_to is null and status in ('NEW', 'IN_PROGRESS')
                order by created_at, id limit ? for update skip locked
                """).param(limit)
                .query((rs, row) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getString("title")))
                .list();
        int assigned = 0;
        for (Waiting lead : waiting) {
            Optional<Candidate> chosen = assignment.chooseAmong(members);
            if (chosen.isEmpty()) {
                break;
            }
            Candidate user = chosen.get();
            jdbc.sql("update lead set assigned_to = ?, assignee_name = ?, version = version + 1, updated_at = ?"
                    + " where id = ?").params(user.id(), user.name(), Timestamp.from(clock.instant()), lead.id())
                    .update();
            history.changed("lead", lead.id(), "assignee", null, user.name());
            outbox.append("lead", lead.id(), LeadAssigned.TYPE, new LeadAssigned(lead.id(), lead.customerId(),
                    lead.title(), null, user.id(), user.name()));
            assigned++;
        }
        return assigned;
    }

    private record Waiting(UUID id, UUID customerId, String title) {
    }
}

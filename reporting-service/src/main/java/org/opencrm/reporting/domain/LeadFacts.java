package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leads as their events describe them: status (and when it closed), source and value, assignee, each group guarded by
 * the time it was true; the creation time is the earliest heard of; a deletion is final. Every change moves the lead
 * between its kept counts ({@link LeadRollups}) in the same transaction, and a new assignee its payments, refunds and
 * follow-ups between theirs ({@link OwnedRollups}). An event is applied in one update that returns the lead's state
 * before and after it, as {@link CustomerFacts} does.
 */
@Repository
public class LeadFacts {

    private static final String STATE = """
            not %1$s.deleted and %1$s.status is not null, date_trunc('day', %1$s.created_at, 'UTC'), %1$s.status,
            %1$s.source, %1$s.assignee, %1$s.currency, %1$s.value, date_trunc('day', %1$s.closed_at, 'UTC')""";

    // "old" locks the row and keeps its values: PostgreSQL's RETURNING gives the new ones only
    private static final String APPLY = """
            update lead_fact l set
              created_at = least(l.created_at, cast(:created as timestamptz)),
              source = case when :describes and l.fields_at <= :at then cast(:source as varchar) else l.source end,
              value = case when :describes and l.fields_at <= :at then cast(:value as numeric) else l.value end,
              currency = case when :describes and l.fields_at <= :at then cast(:currency as varchar) else l.currency end,
              fields_at = case when :describes and l.fields_at <= :at then :at else l.fields_at end,
              assignee = case when :setsAssignee and l.assignee_at <= :at then cast(:assignee as varchar)
                else l.assignee end,
              assignee_at = case when :setsAssignee and l.assignee_at <= :at then :at else l.assignee_at end,
              status = case when :setsStatus and l.status_at <= :at then cast(:status as varchar)
                else l.status end,
              closed_at = case when :setsStatus and l.status_at <= :at then cast(:closedAt as timestamptz)
                else l.closed_at end,
              status_at = case when :setsStatus and l.status_at <= :at then :at else l.status_at end,
              deleted = l.deleted or :delete
            from (select * from lead_fact where id = :id for update) old
            where l.id = old.id
            returning %s, %s""".formatted(STATE.formatted("old"), STATE.formatted("l"));

    private final JdbcClient jdbc;
    private final LeadRollups rollups;
    private final OwnedRollups owned;

    public LeadFacts(JdbcClient jdbc, LeadRollups rollups, OwnedRollups owned) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.owned = owned;
    }

    public void apply(UUID id, LeadChange change) {
        jdbc.sql("insert into lead_fact (id, customer_id) values (:id, :customerId) on conflict do nothing")
            .param("id", id).param("customerId", change.customerId()).update();
        OwnedRollups.Counted counted = change.setsAssignee() ? owned.lead(id) : null;
        Transition transition = update(id, change);
        rollups.move(transition.before(), transition.after());
        if (counted != null && !counted.isEmpty()
                && !Objects.equals(transition.before().assignee(), transition.after().assignee())) {
            owned.move(counted, owned.recountLead(id));
        }
    }

    private Transition update(UUID id, LeadChange change) {
        return jdbc.sql(APPLY)
            .param("id", id)
            .param("at", utc(change.at()))
            .param("created", change.createdAt() == null ? null : utc(change.createdAt()))
            .param("describes", change.describes())
            .param("source", change.source())
            .param("value", change.value(), Types.NUMERIC)
            .param("currency", change.currency())
            .param("setsAssignee", change.setsAssignee())
            .param("assignee", change.assignee())
            .param("setsStatus", change.status() != null)
            .param("status", change.status())
            .param("closedAt", change.closes() ? utc(change.at()) : null, Types.TIMESTAMP_WITH_TIMEZONE)
            .param("delete", change.delete())
            .query((rs, n) -> new Transition(state(rs, 0), state(rs, 8)))
            .single();
    }

    private static LeadRollups.State state(ResultSet rs, int from) throws SQLException {
        return new LeadRollups.State(rs.getBoolean(from + 1), rs.getObject(from + 2, OffsetDateTime.class),
                rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5), rs.getString(from + 6),
                rs.getBigDecimal(from + 7), rs.getObject(from + 8, OffsetDateTime.class));
    }

    /** The lead's state before and after an event. */
    private record Transition(LeadRollups.State before, LeadRollups.State after) {
    }
}

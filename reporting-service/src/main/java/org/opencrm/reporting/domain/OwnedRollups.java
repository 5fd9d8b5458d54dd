package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept counts keyed by who owns a record now ({@code V6__revenue_and_follow_up_rollups.sql}): money moved per day,
 * currency, customer's owner and lead's assignee ({@code revenue_rollup}); open follow-ups of customers not purged per
 * day due, assignee and lead's assignee ({@code follow_up_rollup}). A change counts what it touches (one payment, one
 * refund, one follow-up, or everything of one customer or lead) before and after, joined with the owners as they are,
 * and moves the difference; an owner's change is thereby a move of that customer's records alone.
 *
 * <p>Advisory locks per customer and lead order the two sides (the rows they name may not exist yet, so row locks
 * cannot): a change of an owner, an assignee or a purge holds its customer's or lead's lock exclusively, a change of a
 * payment, refund or follow-up holds its customer's and lead's shared, each before it counts. Whichever commits first,
 * the other counts after it. While a replay defers the kept counts ({@link ReplayWorker}), a change counts
 * nothing and takes no lock: the replay's one thread counts everything at its end.
 */
@Repository
public class OwnedRollups {

    static final RollupTable REVENUE = new RollupTable("revenue_rollup",
            List.of("day", "currency", "owner_id", "assignee"), List.of("movements", "amount"), Set.of("amount"));
    static final RollupTable FOLLOW_UPS = new RollupTable("follow_up_rollup",
            List.of("day", "assignee", "lead_assignee"), List.of("follow_ups"), Set.of());

    private static final int CUSTOMER_LOCKS = 1;
    private static final int LEAD_LOCKS = 2;

    private static final String REVENUE_OF = """
            select date_trunc('day', m.at, 'UTC'), m.currency, c.owner_id, l.assignee, count(*), sum(m.amount)
            from (select p.paid_at as at, p.currency, p.amount, p.customer_id, p.lead_id from payment_fact p
                  where p.amount is not null and p.paid_at is not null and %s
                  union all select r.refunded_at, r.currency, -r.amount, r.customer_id, r.lead_id from refund_fact r
                  where %s) m
            left join customer_fact c on c.id = m.customer_id left join lead_fact l on l.id = m.lead_id
            group by 1, 2, 3, 4""";

    private static final String FOLLOW_UPS_OF = """
            select date_trunc('day', f.due_at, 'UTC'), f.assignee, l.assignee, count(*)
            from follow_up_fact f left join customer_fact c on c.id = f.customer_id
            left join lead_fact l on l.id = f.lead_id
            where f.status = 'OPEN' and not coalesce(c.purged, false) and %s
            group by 1, 2, 3""";

    /** What is counted of the records a change touches: bucket key → amounts, per table. */
    public record Counted(List<Bucket> revenue, List<Bucket> followUps) {

        /** Nothing counted: a change of owner or a purge leaves these counts as they are. */
        public boolean isEmpty() {
            return revenue.isEmpty() && followUps.isEmpty();
        }
    }

    record Bucket(List<Object> key, BigDecimal[] amounts) {
    }

    private enum Scope {
        PAYMENT("p.id = :id", "false", null),
        REFUND(null, "r.id = :id", null),
        FOLLOW_UP(null, null, "f.id = :id"),
        CUSTOMER("p.customer_id = :id", "r.customer_id = :id", "f.customer_id = :id"),
        LEAD("p.lead_id = :id", "r.lead_id = :id", "f.lead_id = :id");

        final String payments;
        final String refunds;
        final String followUps;

        Scope(String payments, String refunds, String followUps) {
            this.payments = payments;
            this.refunds = refunds;
            this.followUps = followUps;
        }
    }

    private final JdbcClient jdbc;

    public OwnedRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a customer's owner or purge changes: its lock, then what of it is counted. */
    public Counted customer(UUID id) {
        lock("pg_advisory_xact_lock", CUSTOMER_LOCKS, id);
        return counted(Scope.CUSTOMER, id);
    }

    /** After a customer's owner or purge changed, its lock held since {@link #customer}: what of it is counted now. */
    public Counted recountCustomer(UUID id) {
        return counted(Scope.CUSTOMER, id);
    }

    /** Before a lead's assignee changes: its lock, then what of it is counted. */
    public Counted lead(UUID id) {
        lock("pg_advisory_xact_lock", LEAD_LOCKS, id);
        return counted(Scope.LEAD, id);
    }

    /** After a lead's assignee changed, its lock held since {@link #lead}: what of it is counted now. */
    public Counted recountLead(UUID id) {
        return counted(Scope.LEAD, id);
    }

    /** What of a payment is counted (its refunds apart), its row locked and its customer's and lead's locks shared. */
    public Counted payment(UUID id) {
        lockRow("payment_fact", id);
        return counted(Scope.PAYMENT, id);
    }

    public Counted refund(UUID id) {
        return counted(Scope.REFUND, id);
    }

    /** What of a follow-up is counted, its row locked and its customer's and lead's locks shared. */
    public Counted followUp(UUID id) {
        lockRow("follow_up_fact", id);
        return counted(Scope.FOLLOW_UP, id);
    }

    /** Holds a customer's and a lead's locks shared: a payment, refund or follow-up of them is about to change. */
    public void shared(UUID customerId, UUID leadId) {
        lock("pg_advisory_xact_lock_shared", CUSTOMER_LOCKS, customerId);
        lock("pg_advisory_xact_lock_shared", LEAD_LOCKS, leadId);
    }

    public void move(Counted before, Counted after) {
        REVENUE.apply(jdbc, changes(before.revenue(), after.revenue()));
        FOLLOW_UPS.apply(jdbc, changes(before.followUps(), after.followUps()));
    }

    private static RollupTable.Changes changes(List<Bucket> before, List<Bucket> after) {
        RollupTable.Changes changes = new RollupTable.Changes();
        before.forEach(bucket -> changes.add(bucket.key(), -1, bucket.amounts()));
        after.forEach(bucket -> changes.add(bucket.key(), 1, bucket.amounts()));
        return changes;
    }

    private Counted counted(Scope scope, UUID id) {
        if (ReplayWorker.active()) {
            return new Counted(List.of(), List.of());
        }
        List<Bucket> revenue = scope.payments == null && scope.refunds == null ? List.of()
                : jdbc.sql(REVENUE_OF.formatted(scope.payments == null ? "false" : scope.payments,
                        scope.refunds == null ? "false" : scope.refunds))
                    .param("id", id)
                    .query((rs, n) -> new Bucket(
                            Arrays.asList(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                                    rs.getString(4)),
                            new BigDecimal[] { BigDecimal.valueOf(rs.getLong(5)), rs.getBigDecimal(6) }))
                    .list();
        List<Bucket> followUps = scope.followUps == null ? List.of()
                : jdbc.sql(FOLLOW_UPS_OF.formatted(scope.followUps)).param("id", id)
                    .query((rs, n) -> new Bucket(
                            new ArrayList<>(Arrays.asList(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                                    rs.getString(3))),
                            new BigDecimal[] { BigDecimal.valueOf(rs.getLong(4)) }))
                    .list();
        return new Counted(revenue, followUps);
    }

    private void lockRow(String table, UUID id) {
        if (ReplayWorker.active()) {
            return;
        }
        jdbc.sql("select customer_id, lead_id from " + table + " where id = :id for update").param("id", id)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
            .optional()
            .ifPresent(ids -> shared(ids[0], ids[1]));
    }

    private void lock(String function, int space, UUID id) {
        if (id != null && !ReplayWorker.active()) {
            // per schema: a rebuild's replay never waits on the live consumer's locks
            jdbc.sql("select " + function + "(" + space + ", hashtext(current_schema() || cast(:id as text)))")
                .param("id", id)
                .query((rs, n) -> true).single();
        }
    }
}

package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leads' kept counts: each lead not deleted and with a status counts once in {@code lead_rollup} (its creation
 * day, status, source, assignee, currency; its value) and, closed, once in {@code lead_close_rollup} (the day it
 * closed, status, assignee). A change of a lead takes it out of the buckets of its state before and into those of its
 * state after, in the transaction of the change.
 */
@Repository
public class LeadRollups {

    static final RollupTable CREATED = new RollupTable("lead_rollup",
            List.of("day", "status", "source", "assignee", "currency"), List.of("leads", "valued", "value_sum"),
            Set.of("value_sum"));
    static final RollupTable CLOSED = new RollupTable("lead_close_rollup", List.of("day", "status", "assignee"),
            List.of("leads"), Set.of());

    /** What of a lead its buckets depend on; {@code counted} false: in none. */
    public record State(boolean counted, OffsetDateTime day, String status, String source, String assignee,
            String currency, BigDecimal value, OffsetDateTime closedDay) {

        void into(RollupTable.Changes created, RollupTable.Changes closed, int sign) {
            if (!counted) {
                return;
            }
            created.add(Arrays.asList(day, status, source, assignee, currency), sign, BigDecimal.ONE,
                    value == null ? BigDecimal.ZERO : BigDecimal.ONE, value == null ? BigDecimal.ZERO : value);
            if (closedDay != null && ("CLOSED_WON".equals(status) || "CLOSED_LOST".equals(status))) {
                closed.add(Arrays.asList(closedDay, status, assignee), sign, BigDecimal.ONE);
            }
        }
    }

    private final JdbcClient jdbc;

    public LeadRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void move(State before, State after) {
        if (before.equals(after) || ReplayWorker.active()) {
            return;
        }
        RollupTable.Changes created = new RollupTable.Changes();
        RollupTable.Changes closed = new RollupTable.Changes();
        before.into(created, closed, -1);
        after.into(created, closed, 1);
        CREATED.apply(jdbc, created);
        CLOSED.apply(jdbc, closed);
    }
}

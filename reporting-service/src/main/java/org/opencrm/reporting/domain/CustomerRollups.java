package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers' kept counts: each customer created, neither deleted nor purged, counts once in
 * {@code customer_rollup} (its creation day, owner) and once per tag in {@code customer_tag_rollup} (its tag,
 * creation day, owner); a change moves it between buckets in its own transaction.
 */
@Repository
public class CustomerRollups {

    static final RollupTable COUNTED = new RollupTable("customer_rollup", List.of("day", "owner_id"),
            List.of("customers"), Set.of());

    static final RollupTable TAGGED = new RollupTable("customer_tag_rollup", List.of("day", "tag", "owner_id"),
            List.of("customers"), Set.of());

    /** What of a customer its buckets depend on; {@code counted} false: in none. Tags distinct, sorted. */
    public record State(boolean counted, OffsetDateTime day, String owner, List<String> tags) {
    }

    private final JdbcClient jdbc;

    public CustomerRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void move(State before, State after) {
        if (before.equals(after) || ReplayWorker.active()) {
            return;
        }
        RollupTable.Changes changes = new RollupTable.Changes();
        RollupTable.Changes tagged = new RollupTable.Changes();
        count(before, -1, changes, tagged);
        count(after, 1, changes, tagged);
        COUNTED.apply(jdbc, changes);
        TAGGED.apply(jdbc, tagged);
    }

    private static void count(State state, int sign, RollupTable.Changes changes, RollupTable.Changes tagged) {
        if (!state.counted()) {
            return;
        }
        changes.add(Arrays.asList(state.day(), state.owner()), sign, BigDecimal.ONE);
        for (String tag : state.tags()) {
            tagged.add(Arrays.asList(state.day(), tag, state.owner()), sign, BigDecimal.ONE);
        }
    }
}

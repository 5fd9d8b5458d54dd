package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers' kept counts: each customer created, neither deleted nor purged, counts once in
 * {@code customer_rollup} (its creation day, owner); a change moves it between buckets in its own transaction.
 */
@Repository
public class CustomerRollups {

    static final RollupTable COUNTED = new RollupTable("customer_rollup", List.of("day", "owner_id"),
            List.of("customers"), Set.of());

    /** What of a customer its bucket depends on; {@code counted} false: in none. */
    public record State(boolean counted, OffsetDateTime day, String owner) {

        static final State NONE = new State(false, null, null);
    }

    private final JdbcClient jdbc;

    public CustomerRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's state, its row locked until the transaction ends. */
    public State state(UUID id) {
        return jdbc.sql("""
                select created_at is not null and not deleted and not purged, date_trunc('day', created_at, 'UTC'),
                  owner_id
                from customer_fact where id = :id for update""")
            .param("id", id)
            .query((rs, n) -> new State(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
            .optional().orElse(State.NONE);
    }

    public void move(State before, State after) {
        if (before.equals(after)) {
            return;
        }
        RollupTable.Changes changes = new RollupTable.Changes();
        if (before.counted()) {
            changes.add(Arrays.asList(before.day(), before.owner()), -1, BigDecimal.ONE);
        }
        if (after.counted()) {
            changes.add(Arrays.asList(after.day(), after.owner()), 1, BigDecimal.ONE);
        }
        COUNTED.apply(jdbc, changes);
    }
}

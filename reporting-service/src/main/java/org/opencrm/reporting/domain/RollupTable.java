package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of kept counts ({@code V4__rollups.sql}): one row per key (the day first, then texts; null a key of its
 * own), signed deltas added to it, a row counting nothing deleted so that any order of changes leaves the same rows.
 */
final class RollupTable {

    /** Deltas per key in one order (the key's text), so that two transactions lock shared buckets alike. */
    static final class Changes extends TreeMap<List<Object>, BigDecimal[]> {

        Changes() {
            super(Comparator.comparing(String::valueOf));
        }

        void add(List<Object> key, int sign, BigDecimal... amounts) {
            BigDecimal[] sums = computeIfAbsent(key, k -> zeros(amounts.length));
            for (int i = 0; i < amounts.length; i++) {
                sums[i] = sums[i].add(sign < 0 ? amounts[i].negate() : amounts[i]);
            }
        }

        private static BigDecimal[] zeros(int n) {
            BigDecimal[] zeros = new BigDecimal[n];
            java.util.Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        }
    }

    private final List<String> keys;
    private final List<String> counts;
    private final Set<String> decimals;
    private final String upsert;
    private final String deleteEmpty;

    RollupTable(String name, List<String> keys, List<String> counts, Set<String> decimals) {
        this.keys = keys;
        this.counts = counts;
        this.decimals = decimals;
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(counts);
        this.upsert = "insert into " + name + " as r (" + String.join(", ", columns) + ") values (:"
                + String.join(", :", columns) + ") on conflict (" + String.join(", ", keys) + ") do update set "
                + String.join(", ", counts.stream().map(c -> c + " = r." + c + " + excluded." + c).toList())
                + " returning cast(r.ctid as text), r." + counts.get(0);
        this.deleteEmpty = "delete from " + name + " where ctid = cast(:ctid as tid) and " + counts.get(0) + " = 0";
    }

    void apply(JdbcClient jdbc, Changes changes) {
        for (Map.Entry<List<Object>, BigDecimal[]> change : changes.entrySet()) {
            BigDecimal[] amounts = change.getValue();
            boolean nothing = true;
            for (BigDecimal amount : amounts) {
                nothing &= amount.signum() == 0;
            }
            if (!nothing) {
                add(jdbc, change.getKey(), amounts);
            }
        }
    }

    private void add(JdbcClient jdbc, List<Object> key, BigDecimal[] amounts) {
        JdbcClient.StatementSpec statement = jdbc.sql(upsert);
        for (int i = 0; i < keys.size(); i++) {
            statement = statement.param(keys.get(i), key.get(i), i == 0 ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
        }
        for (int i = 0; i < counts.size(); i++) {
            String column = counts.get(i);
            statement = decimals.contains(column) ? statement.param(column, amounts[i], Types.NUMERIC)
                    : statement.param(column, amounts[i].longValueExact(), Types.BIGINT);
        }
        Object[] left = statement.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }).single();
        if ((Long) left[1] == 0) {
            jdbc.sql(deleteEmpty).param("ctid", left[0]).update();
        }
    }
}

package org.opencrm.reporting.domain;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Repository;

/**
 * The schema a rebuild by replay writes into, beside the live one: the read-model tables and the inbox, made like the
 * live ones (columns, keys, defaults, indexes), so that the event handlers' unqualified SQL writes there when the
 * transaction's {@code search_path} names it. The live tables get its rows in one transaction at the switch.
 */
@Repository
public class RebuildSchema {

    /** Where the rebuild writes; dropped and made again by every rebuild. */
    public static final String NAME = "reporting_rebuild";

    /** Every table built from events alone; {@code dashboard_layout} is users' data and stays as it is. */
    public static final List<String> READ_MODELS = List.of("customer_fact", "lead_fact", "payment_fact",
            "refund_fact", "follow_up_fact", "activity_fact", "user_name", "lead_rollup", "lead_close_rollup",
            "customer_rollup", "customer_tag_rollup", "revenue_rollup", "follow_up_rollup");

    private static final String INBOX = "inbox_event";

    private static final Resource KEPT_COUNTS = new ClassPathResource("db/kept-counts.sql");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    private volatile String live;

    public RebuildSchema(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** For the rest of the transaction: statements may take this long (bulk copies, waiting for a lock). */
    public void allowStatementsOf(Duration timeout) {
        jdbc.sql("set local statement_timeout = " + timeout.toMillis()).update();
    }

    /**
     * Drops what a former rebuild left and makes the empty tables with their unique indexes, which the handlers'
     * conflicts need; the others come with {@link #createReadIndexes}.
     */
    public void prepare() {
        live = jdbc.sql("select current_schema()").query(String.class).single();
        drop();
        jdbc.sql("create schema " + NAME).update();
        for (String table : tables()) {
            jdbc.sql("create table %s.%s (like %s.%s including all excluding indexes)".formatted(NAME, table, live,
                    table)).update();
        }
        indexes(true).forEach(index -> jdbc.sql(index).update());
    }

    /**
     * The indexes only readers use (the handlers write by key), built in one pass each once the replay wrote the rows:
     * a fraction of keeping them row by row.
     */
    public void createReadIndexes() {
        indexes(false).forEach(index -> jdbc.sql(index).update());
    }

    /** The live tables' indexes, unique or not, as statements that make them on the rebuild's tables. */
    private List<String> indexes(boolean unique) {
        return jdbc.sql("""
                select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = :live and t.relname in (:tables) and i.indisunique = :unique
                order by t.relname, i.indexrelid""")
            .param("live", live)
            .param("tables", tables())
            .param("unique", unique)
            .query(String.class)
            .list()
            .stream()
            .map(definition -> definition.replace(" ON " + live + ".", " ON " + NAME + "."))
            .toList();
    }

    /**
     * Counts the kept counts of the rebuilt facts afresh, in the caller's transaction: after events applied without
     * moving them ({@link ReplayWorker}).
     */
    public void recountKeptCounts() {
        jdbc.sql("set local search_path to " + NAME).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            ScriptUtils.executeSqlScript(connection, KEPT_COUNTS);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Holds every writer of the live read models and inbox (this instance's consumer and any other's) until the
     * transaction ends, readers not: the inbox first, where every handler's transaction starts, so no writer waits
     * on one table while holding another.
     */
    public void lockLive() {
        String tables = String.join(", ", tables().stream().map(t -> live + "." + t).toList());
        jdbc.sql("lock table " + tables + " in exclusive mode").update();
    }

    /**
     * The live read models and the consumer's inbox become the rebuilt ones. Rows are deleted and inserted, not
     * tables swapped: readers keep seeing the old rows until the commit, and the Flyway-made tables stay as they are.
     */
    public void replaceLive(String consumer) {
        for (String table : READ_MODELS) {
            jdbc.sql("delete from %s.%s".formatted(live, table)).update();
            jdbc.sql("insert into %s.%s select * from %s.%s".formatted(live, table, NAME, table)).update();
        }
        jdbc.sql("delete from %s.%s where consumer = :consumer".formatted(live, INBOX))
            .param("consumer", consumer).update();
        jdbc.sql("insert into %s.%s select * from %s.%s".formatted(live, INBOX, NAME, INBOX)).update();
    }

    public void drop() {
        jdbc.sql("drop schema if exists " + NAME + " cascade").update();
    }

    private static List<String> tables() {
        return Stream.concat(Stream.of(INBOX), READ_MODELS.stream()).toList();
    }
}

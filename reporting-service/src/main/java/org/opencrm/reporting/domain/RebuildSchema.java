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
 * live ones (columns, defaults, constraints, indexes), so that the event handlers' unqualified SQL writes there when
 * the transaction's {@code search_path} names it. At the switch its tables take the live ones' place in one
 * transaction ({@link #swapLive}); the live ones are dropped afterwards.
 */
@Repository
public class RebuildSchema {

    /** Where the rebuild writes; dropped and made again by every rebuild. */
    public static final String NAME = "reporting_rebuild";

    /** Where the live tables go at the switch, until they are dropped. */
    static final String RETIRED = "reporting_retired";

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
        keyConstraints().forEach(constraint -> jdbc.sql(constraint).update());
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

    /** The live tables' primary keys and unique constraints, as statements that make them of the rebuild's indexes. */
    private List<String> keyConstraints() {
        return jdbc.sql("""
                select format('alter table %I.%I add constraint %I %s using index %I', :rebuild, t.relname, c.conname,
                  case c.contype when 'p' then 'primary key' else 'unique' end, i.relname)
                from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class i on i.oid = c.conindid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = :live and t.relname in (:tables) and c.contype in ('p', 'u')
                order by t.relname, c.conname""")
            .param("rebuild", NAME)
            .param("live", live)
            .param("tables", tables())
            .query(String.class)
            .list();
    }

    /**
     * The planner's statistics of the rebuilt tables, gathered before they go live: tables made afresh have none, and
     * the readers' plans would be guesses until autovacuum came by.
     */
    public void analyze() {
        tables().forEach(table -> jdbc.sql("analyze %s.%s".formatted(NAME, table)).update());
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
     * Holds every reader and writer of the live read models and inbox (of this instance and any other) until the
     * transaction ends: the inbox first, where every handler's transaction starts and no reader looks, then the read
     * models one by one, each as soon as the statements reading it are done. The first statement of its transaction:
     * when PostgreSQL gives up waiting (a deadlock with a reader), nothing else is undone.
     */
    public void lockLive() {
        String tables = String.join(", ", tables().stream().map(t -> live + "." + t).toList());
        jdbc.sql("lock table " + tables + " in access exclusive mode").update();
    }

    /**
     * The rebuilt tables take the live ones' place, under {@link #lockLive}: moved between schemas, not copied, so
     * the switch takes milliseconds whatever the rows. The inbox rows of other consumers, if any, come along first.
     * Statements waiting for the lock, prepared ones too, then find the rebuilt tables by their names.
     */
    public void swapLive(String consumer) {
        jdbc.sql("insert into %s.%s select * from %s.%s where consumer <> :consumer".formatted(NAME, INBOX, live,
                INBOX)).param("consumer", consumer).update();
        jdbc.sql("create schema " + RETIRED).update();
        for (String table : tables()) {
            jdbc.sql("alter table %s.%s set schema %s".formatted(live, table, RETIRED)).update();
            jdbc.sql("alter table %s.%s set schema %s".formatted(NAME, table, live)).update();
        }
    }

    /** Drops the rebuild's schema and the tables the switch retired, whatever is left of them. */
    public void drop() {
        jdbc.sql("drop schema if exists " + NAME + " cascade").update();
        jdbc.sql("drop schema if exists " + RETIRED + " cascade").update();
    }

    private static List<String> tables() {
        return Stream.concat(Stream.of(INBOX), READ_MODELS.stream()).toList();
    }
}

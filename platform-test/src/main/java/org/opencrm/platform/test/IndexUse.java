package org.opencrm.platform.test;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Which indexes a query used, read from PostgreSQL's statistics of the current transaction. A test class loads its
 * rows once, in a transaction rolled back after its last test (no other test sees them). Each test runs from a
 * savepoint rolled back after it, which undoes whatever it changed (rows, the planner settings a query sets for its
 * transaction) but not the scans counted, which {@link #scans} and {@link #entriesRead} report from the test's start.
 * JUnit runs a class's tests on the thread its {@code @BeforeAll} ran on, which holds the transaction, so every query
 * of the tests, the service's too, runs in it.
 */
public final class IndexUse {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final TransactionStatus transaction;
    private Map<String, Counts> atStart = Map.of();

    private IndexUse(JdbcClient jdbc, PlatformTransactionManager transactions, TransactionStatus transaction) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.transaction = transaction;
    }

    /** Begins the transaction and runs the load in it. */
    public static IndexUse loadedInTransaction(JdbcClient jdbc, PlatformTransactionManager transactions,
            Runnable load) {
        IndexUse indexUse = new IndexUse(jdbc, transactions,
                transactions.getTransaction(TransactionDefinition.withDefaults()));
        try {
            load.run();
        }
        catch (RuntimeException ex) {
            indexUse.rollBack();
            throw ex;
        }
        return indexUse;
    }

    /** Before a test: its savepoint, and its counts start here. */
    public void beginTest() {
        jdbc.sql("savepoint test").update();
        atStart = counts();
    }

    /** After a test: back to its savepoint. */
    public void endTest() {
        jdbc.sql("rollback to savepoint test").update();
    }

    /** The index's scans since {@link #beginTest()}. */
    public long scans(String index) {
        return counts().get(index).scans() - atStart.getOrDefault(index, Counts.NONE).scans();
    }

    /** The entries the index's scans returned since {@link #beginTest()}. */
    public long entriesRead(String index) {
        return counts().get(index).entriesRead() - atStart.getOrDefault(index, Counts.NONE).entriesRead();
    }

    public void rollBack() {
        if (!transaction.isCompleted()) {
            transactions.rollback(transaction);
        }
    }

    private Map<String, Counts> counts() {
        return jdbc.sql("""
                select relname, pg_stat_get_xact_numscans(oid), pg_stat_get_xact_tuples_returned(oid) from pg_class
                where relkind = 'i' and relnamespace = cast(current_schema() as regnamespace)""")
            .query((row, number) -> Map.entry(row.getString(1), new Counts(row.getLong(2), row.getLong(3))))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Counts(long scans, long entriesRead) {

        static final Counts NONE = new Counts(0, 0);
    }
}

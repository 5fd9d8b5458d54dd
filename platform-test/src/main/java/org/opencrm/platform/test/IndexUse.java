package org.opencrm.platform.test;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Which indexes a query used, read from PostgreSQL's statistics of the current transaction. A test class loads its
 * rows once, in a transaction rolled back after its last test (no other test sees them). Each test runs from a
 * savepoint rolled back after it, which undoes whatever it changed (rows, the planner settings a query sets for its
 * transaction) but not the scans counted, which {@link #scans} and {@link #entriesRead} report from the test's start.
 * JUnit runs a class's tests on the thread that ran its class callbacks, which holds the transaction, so every query
 * of the tests, the service's too, runs in it.
 * <p>
 * Registered on a field of a {@code @TestInstance(PER_CLASS)} test class of a Spring context:
 * {@code @RegisterExtension final IndexUse indexUse = IndexUse.afterLoading(this::insertRows);}
 */
public final class IndexUse implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Runnable load;
    private JdbcClient jdbc;
    private PlatformTransactionManager transactions;
    private TransactionStatus transaction;
    private Map<String, Counts> atStart = Map.of();

    private IndexUse(Runnable load) {
        this.load = load;
    }

    /** Runs {@code load} in the class's transaction before its first test. */
    public static IndexUse afterLoading(Runnable load) {
        return new IndexUse(load);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        jdbc = application.getBean(JdbcClient.class);
        transactions = application.getBean(PlatformTransactionManager.class);
        transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        load.run();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        jdbc.sql("savepoint test").update();
        atStart = counts();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        jdbc.sql("rollback to savepoint test").update();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (transaction != null && !transaction.isCompleted()) {
            transactions.rollback(transaction);
        }
    }

    /** The index's scans since the test began. */
    public long scans(String index) {
        return now(index).scans() - atStart.getOrDefault(index, Counts.NONE).scans();
    }

    /** The entries the index's scans returned since the test began. */
    public long entriesRead(String index) {
        return now(index).entriesRead() - atStart.getOrDefault(index, Counts.NONE).entriesRead();
    }

    private Counts now(String index) {
        Counts counts = counts().get(index);
        if (counts == null) {
            throw new IllegalArgumentException("no index " + index + " in the current schema");
        }
        return counts;
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

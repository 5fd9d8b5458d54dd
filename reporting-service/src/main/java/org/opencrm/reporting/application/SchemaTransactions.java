package org.opencrm.reporting.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions whose unqualified table names mean the tables of another schema ({@code set local search_path}, undone
 * at the end of the transaction, so the pooled connection goes back as it came). Nested: inside a running transaction
 * each is a savepoint, so an event that fails rolls back alone.
 */
public class SchemaTransactions extends TransactionTemplate {

    private final JdbcClient jdbc;
    private final String schema;

    public SchemaTransactions(PlatformTransactionManager transactions, JdbcClient jdbc, String schema) {
        super(transactions);
        setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        return super.execute(status -> {
            jdbc.sql("set local search_path to " + schema).update();
            return action.doInTransaction(status);
        });
    }
}

package org.opencrm.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts a use case makes beside its change that nobody reads back in the same transaction (field history rows):
 * held until the transaction's next statement that can carry them ({@link #update(String, List)}, the outbox's
 * insert) and sent in front of it as data-modifying common table expressions, one round trip for both; sent on their
 * own just before commit when no such statement followed. The round trip, not the rows, is most of such an insert's
 * cost.
 *
 * <p>Held per transaction: a transaction suspended for another one keeps its inserts to itself.
 */
public class DeferredInserts {

    private final JdbcClient jdbc;

    public DeferredInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param sql one {@code insert} statement with positional parameters and no {@code returning} clause
     */
    public void add(String sql, List<?> params) {
        requireTransaction();
        pending(true).inserts.add(new Insert(sql, new ArrayList<>(params)));
    }

    /** Runs the statement (positional parameters) with every pending insert of the transaction in one round trip. */
    public int update(String sql, List<?> params) {
        return withPending(sql, params).update();
    }

    /**
     * As {@link #update}, for a statement with a {@code returning} clause: maps the one row it returns.
     */
    public <T> T updateReturning(String sql, List<?> params, RowMapper<T> row) {
        return withPending(sql, params).query(row).single();
    }

    private StatementSpec withPending(String sql, List<?> params) {
        requireTransaction();
        Pending pending = pending(false);
        List<Insert> inserts = pending == null ? List.of() : pending.drain();
        return statement(inserts, new Insert(sql, params));
    }

    /** Sends the pending inserts now, for a statement that has to see them. */
    public void flush() {
        Pending pending = pending(false);
        List<Insert> inserts = pending == null ? List.of() : pending.drain();
        if (!inserts.isEmpty()) {
            statement(inserts.subList(0, inserts.size() - 1), inserts.get(inserts.size() - 1)).update();
        }
    }

    private StatementSpec statement(List<Insert> before, Insert statement) {
        if (before.isEmpty()) {
            return jdbc.sql(statement.sql()).params(statement.params());
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            sql.append(i == 0 ? "with " : ",\n     ").append("deferred_").append(i).append(" as (")
                .append(before.get(i).sql()).append(')');
            params.addAll(before.get(i).params());
        }
        sql.append('\n').append(statement.sql());
        params.addAll(statement.params());
        return jdbc.sql(sql.toString()).params(params);
    }

    /** The transaction's inserts, kept by a synchronization of its own: suspended and resumed with the transaction. */
    private Pending pending(boolean create) {
        return create ? TransactionScoped.get(this, Pending::new) : TransactionScoped.find(this);
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Deferred inserts belong to a transaction: none is active");
        }
    }

    private record Insert(String sql, List<?> params) {
    }

    private final class Pending implements TransactionSynchronization {

        private List<Insert> inserts = new ArrayList<>();

        List<Insert> drain() {
            List<Insert> drained = inserts;
            inserts = new ArrayList<>();
            return drained;
        }

        /** A flush of the transaction (e.g. {@code TransactionStatus.flush()}) sends them too. */
        @Override
        public void flush() {
            DeferredInserts.this.flush();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }
    }
}

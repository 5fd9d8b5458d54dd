package org.opencrm.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.PostgresEndpoint;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Deferred inserts on a real PostgreSQL, counting the statements sent on the transaction's connection. */
class DeferredInsertsIT {

    private static final String INSERT = "insert into deferred_sample (batch, note) values (?, ?)";

    static final AtomicInteger statements = new AtomicInteger();
    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static TransactionTemplate inner;

    final DeferredInserts deferred = new DeferredInserts(jdbc);
    final String batch = UUID.randomUUID().toString();

    @BeforeAll
    static void database() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        DataSource dataSource = new ObservedDataSource(new DriverManagerDataSource(postgres.jdbcUrl(),
                postgres.username(), postgres.password()), (connection, method) -> {
                    if (method.equals("prepareStatement") || method.equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                });
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table if not exists deferred_sample (batch text not null, note text not null)").update();
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(manager);
        inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @BeforeEach
    void countFromHere() {
        statements.set(0);
    }

    @Test
    void sendsThePendingInsertsWithTheNextStatementInOneRoundTrip() {
        transaction.executeWithoutResult(status -> {
            deferred.add(INSERT, List.of(batch, "history 1"));
            deferred.add(INSERT, List.of(batch, "history 2"));
            assertThat(statements).as("nothing sent yet").hasValue(0);

            int inserted = deferred.update(INSERT, List.of(batch, "event"));

            assertThat(inserted).as("the carrying statement's own count").isEqualTo(1);
            assertThat(statements).hasValue(1);
        });

        assertThat(notes()).containsExactlyInAnyOrder("history 1", "history 2", "event");
    }

    @Test
    void returnsWhatTheCarryingStatementReturns() {
        transaction.executeWithoutResult(status -> {
            deferred.add(INSERT, List.of(batch, "history"));

            String returned = deferred.updateReturning(INSERT + " returning upper(note)", List.of(batch, "event"),
                    (rs, rowNum) -> rs.getString(1));

            assertThat(returned).isEqualTo("EVENT");
            assertThat(statements).hasValue(1);
        });

        assertThat(notes()).containsExactlyInAnyOrder("history", "event");
    }

    @Test
    void sendsWhatNoStatementCarriedJustBeforeCommitAllAtOnce() {
        transaction.executeWithoutResult(status -> {
            deferred.update(INSERT, List.of(batch, "event"));
            deferred.add(INSERT, List.of(batch, "late 1"));
            deferred.add(INSERT, List.of(batch, "late 2"));
        });

        assertThat(statements).hasValue(2);
        assertThat(notes()).containsExactlyInAnyOrder("event", "late 1", "late 2");
    }

    @Test
    void flushesOnDemandForAStatementThatMustSeeTheRows() {
        transaction.executeWithoutResult(status -> {
            deferred.add(INSERT, List.of(batch, "history"));
            deferred.flush();
            assertThat(notes()).containsExactly("history");
        });
    }

    @Test
    void sendsNothingOfARolledBackTransaction() {
        transaction.executeWithoutResult(status -> {
            deferred.add(INSERT, List.of(batch, "history"));
            status.setRollbackOnly();
        });

        assertThat(statements).hasValue(0);
        assertThat(notes()).isEmpty();
    }

    @Test
    void keepsEachTransactionsInsertsToItselfWhenOneIsSuspendedForAnother() {
        transaction.executeWithoutResult(status -> {
            deferred.add(INSERT, List.of(batch, "outer history"));
            inner.executeWithoutResult(nested -> deferred.update(INSERT, List.of(batch, "inner event")));
            status.setRollbackOnly();
        });

        assertThat(notes()).containsExactly("inner event");
    }

    @Test
    void refusesToDeferOutsideATransaction() {
        assertThatThrownBy(() -> deferred.add(INSERT, List.of(batch, "orphan")))
            .isInstanceOf(IllegalStateException.class);
    }

    private List<String> notes() {
        return jdbc.sql("select note from deferred_sample where batch = ?").param(batch).query(String.class).list();
    }
}

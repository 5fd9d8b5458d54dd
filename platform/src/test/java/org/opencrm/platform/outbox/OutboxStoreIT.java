package org.opencrm.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.outbox.OutboxStore.OutboxRow;
import org.opencrm.platform.persistence.ObservedDataSource;
import org.opencrm.platform.test.PostgresEndpoint;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's bookkeeping on a real PostgreSQL, over one connection (as a pool hands it from user to user), with
 * {@code synchronous_commit} read on that connection at every commit: what PostgreSQL applies to the commit.
 */
class OutboxStoreIT {

    static final List<String> synchronousCommitAtCommit = new CopyOnWriteArrayList<>();
    static JdbcClient jdbc;
    static TransactionTemplate transaction;

    final OutboxStore store = new OutboxStore(jdbc, transaction, new OutboxProperties(Duration.ofSeconds(1), 100,
            Duration.ofSeconds(10), Duration.ofSeconds(60), 10, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofDays(7)), "outbox-store-it");

    @BeforeAll
    static void database() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        String url = postgres.createDatabase("platform_outbox_store");
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, postgres.username(),
                postgres.password(), true);
        connection.setAutoCommit(true);
        DataSource dataSource = new ObservedDataSource(connection, (observed, method) -> {
            if (method.equals("commit")) {
                try (Statement show = observed.createStatement();
                        ResultSet setting = show.executeQuery("show synchronous_commit")) {
                    setting.next();
                    synchronousCommitAtCommit.add(setting.getString(1));
                }
            }
        });
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        // the test server runs with synchronous_commit off for speed; production's default is on
        jdbc.sql("set synchronous_commit = on").update();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from outbox_event").update();
        synchronousCommitAtCommit.clear();
    }

    @Test
    void claimsAndMarksWithoutWaitingForTheirWalFlushWhileRequestsStillWait() {
        String first = write("customer", UUID.randomUUID());
        String second = write("customer", UUID.randomUUID());

        List<OutboxRow> claimed = store.claim();
        store.markPublished(claimed.stream().map(OutboxRow::id).toList());

        assertThat(claimed).extracting(OutboxRow::aggregateId).containsExactly(first, second);
        assertThat(jdbc.sql("select count(*) from outbox_event where published_at is not null").query(Long.class)
            .single()).isEqualTo(2);
        assertThat(synchronousCommitAtCommit).as("the claim's and the mark's commits").containsExactly("off", "off");

        transaction.executeWithoutResult(status -> write("customer", UUID.randomUUID()));
        assertThat(synchronousCommitAtCommit).as("the next transaction on the same connection, a request's")
            .last().isEqualTo("on");
    }

    @Test
    void aPassWithNothingToMarkCommitsNothing() {
        store.markPublished(List.of());

        assertThat(synchronousCommitAtCommit).isEmpty();
    }

    private static String write(String aggregateType, UUID aggregateId) {
        jdbc.sql("""
                insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, occurred_at)
                values (:id, :type, :aggregate, 'sample.created', 1, '{}'::jsonb, now())
                """)
            .param("id", UUID.randomUUID())
            .param("type", aggregateType)
            .param("aggregate", aggregateId.toString())
            .update();
        return aggregateId.toString();
    }
}

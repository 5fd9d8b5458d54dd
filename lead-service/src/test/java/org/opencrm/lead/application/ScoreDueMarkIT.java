package org.opencrm.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.lead.api.Leads.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change to a lead while the scoring job scores it (from facts read before the change) leaves the lead due, so the
 * change is scored too, whichever path marked it (the service's or a trigger's). The job of this context never runs (lead-test.properties): the test plays its part.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class ScoreDueMarkIT {

    @Autowired
    LeadScoring scoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aPaymentRecordedWhileItsLeadIsBeingScoredLeavesTheLeadDue() throws Exception {
        assertDueAfterAChangeDuringItsScoring(lead -> scoring.recordPayment(UUID.randomUUID(), lead, "COMPLETED",
                Instant.now()));
    }

    @Test
    void aLeadChangedWhileItIsBeingScoredStaysDue() throws Exception {
        assertDueAfterAChangeDuringItsScoring(lead -> jdbc.sql("update lead set value = value + 1 where id = ?")
                .param(lead).update());
    }

    private void assertDueAfterAChangeDuringItsScoring(Consumer<UUID> change) throws Exception {
        UUID lead = lead();
        jdbc.sql("delete from lead_score_due where lead_id = ?").param(lead).update();
        jdbc.sql("insert into lead_score_due (lead_id, since) values (?, now())").param(lead).update();

        CompletableFuture<Void> changed;
        try (var scoringRun = new HeldMark(lead)) {
            // the run holds the mark and reads the lead's facts; meanwhile the change marks the lead due
            changed = CompletableFuture.runAsync(() -> change.accept(lead));
            scoringRun.awaitWaiterOr(changed);
            scoringRun.deleteAndCommit();
        }
        changed.get(10, TimeUnit.SECONDS);

        assertThat(jdbc.sql("select count(*) from lead_score_due where lead_id = ?").param(lead).query(Long.class)
                .single()).as("the lead is due again after the run that missed the change").isEqualTo(1L);
    }

    private UUID lead() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into lead (id, customer_id, title, source, value, currency, status, created_at, updated_at,
                                  version)
                values (?, ?, 'Scored while paid', 'WEB', 1, 'EUR', 'NEW', now(), now(), 0)
                """).params(id, customer(jdbc, "Due Mark Ltd")).update();
        return id;
    }

    /** The scoring job's transaction in the middle of a run: the mark locked, deleted and committed on demand. */
    private final class HeldMark implements AutoCloseable {

        private final UUID lead;

        private final CompletableFuture<Void> delete = new CompletableFuture<>();

        private final CompletableFuture<Void> run;

        private final CompletableFuture<Integer> pid = new CompletableFuture<>();

        HeldMark(UUID lead) throws Exception {
            this.lead = lead;
            this.run = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("select lead_id from lead_score_due where lead_id = ? for update skip locked").param(lead)
                        .query(UUID.class).single();
                pid.complete(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
                delete.join();
                jdbc.sql("delete from lead_score_due where lead_id = ?").param(lead).update();
            }));
            pid.get(10, TimeUnit.SECONDS);
        }

        /** Until another transaction waits for this one's lock (the payment's mark), or {@code other} ended. */
        void awaitWaiterOr(CompletableFuture<?> other) {
            await().atMost(Duration.ofSeconds(10)).until(() -> other.isDone() || jdbc.sql(
                    "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
                    .param(pid.join()).query(Long.class).single() > 0);
        }

        void deleteAndCommit() throws Exception {
            delete.complete(null);
            run.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            delete.complete(null);
        }
    }
}

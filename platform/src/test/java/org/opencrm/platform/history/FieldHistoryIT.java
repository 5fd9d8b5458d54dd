package org.opencrm.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.paging.InvalidCursorException;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.persistence.DeferredInserts;
import org.opencrm.platform.test.PostgresEndpoint;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/** The field history on a real PostgreSQL, with the table every service creates (the same DDL). */
class FieldHistoryIT {

    enum Stage { NEW, WON }

    record Sample(String name, String email, BigDecimal value, Stage stage, List<String> tags) {
    }

    record Other(String name) {
    }

    record Reserved(String created) {
    }

    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static OtelTracer tracer;

    final StepClock clock = new StepClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final FieldHistory history = new FieldHistory(jdbc, new DeferredInserts(jdbc),
            new TraceContextCarrier(tracer, Propagator.NOOP), clock, meters);
    final FieldHistoryReader reader = new FieldHistoryReader(jdbc);

    @BeforeAll
    static void database() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        DataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/history").table("history_schema")
            .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tracer = new OtelTracer(SdkTracerProvider.builder().build().get("test"), new OtelCurrentTraceContext(),
                event -> {
                });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsEachChangedFieldWithWhoWhenAndTheRequestInComponentOrder() {
        UUID id = UUID.randomUUID();
        signIn(Jwt.withTokenValue("t").header("alg", "none").subject("user-7").claim("name", "Ada Lovelace").build());
        Sample before = new Sample("Ada", "ada@example.com", new BigDecimal("10.50"), Stage.NEW, List.of("a"));
        Sample after = new Sample("Ada L.", "ada@example.com", new BigDecimal("12.00"), Stage.WON, List.of("a", "b"));

        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            inTransaction(() -> history.changed("sample", id, before, after));
        }
        finally {
            span.end();
        }

        List<FieldChange> changes = reader.page("sample", id, null, 50);
        assertThat(changes).extracting(FieldChange::field).containsExactly("name", "value", "stage", "tags");
        assertThat(changes).extracting(FieldChange::oldValue).containsExactly("Ada", "10.50", "NEW", "a");
        assertThat(changes).extracting(FieldChange::newValue).containsExactly("Ada L.", "12.00", "WON", "a, b");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.actorId()).isEqualTo("user-7");
            assertThat(change.actorName()).isEqualTo("Ada Lovelace");
            assertThat(change.actorKind()).isEqualTo("user");
            assertThat(change.traceId()).isEqualTo(span.context().traceId()).hasSize(32);
            assertThat(change.changedAt()).isEqualTo(changes.get(0).changedAt());
        });
        assertThat(meters.timer("crm.history.writes").count()).isEqualTo(1);
    }

    @Test
    void recordsNothingWhenNoAuditedFieldChanged() {
        UUID id = UUID.randomUUID();
        Sample same = new Sample("Bo", null, BigDecimal.ONE, Stage.NEW, List.of());

        inTransaction(() -> history.changed("sample", id, same, new Sample("Bo", null, BigDecimal.ONE, Stage.NEW,
                null)));

        assertThat(reader.page("sample", id, null, 50)).isEmpty();
        assertThat(meters.timer("crm.history.writes").count()).isZero();
    }

    @Test
    void recordsCreationDeletionAndRestorationAsOneEntryEachAndTellsPartnersAndTheSystemApart() {
        UUID id = UUID.randomUUID();
        inTransaction(() -> history.created("sample", id));
        signIn(Jwt.withTokenValue("t").header("alg", "none").subject("service-account-uuid")
            .claim("client_id", "crm-partner-demo").claim("preferred_username", "service-account-crm-partner-demo")
            .build());
        inTransaction(() -> history.deleted("sample", id));
        SecurityContextHolder.clearContext();
        inTransaction(() -> history.restored("sample", id));

        List<FieldChange> changes = reader.page("sample", id, null, 50);
        assertThat(changes).extracting(FieldChange::field).containsExactly("restored", "deleted", "created");
        assertThat(changes).extracting(FieldChange::actorKind).containsExactly("system", "client", "system");
        assertThat(changes.get(1).actorId()).isEqualTo("crm-partner-demo");
        assertThat(changes).extracting(FieldChange::oldValue).containsOnlyNulls();
        assertThat(changes).extracting(FieldChange::newValue).containsOnlyNulls();
        assertThat(changes).extracting(FieldChange::traceId).containsOnlyNulls();
    }

    @Test
    void keepsNothingOfAChangeThatRolledBack() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> inTransaction(() -> {
            history.changed("sample", id, "name", "Old", "New");
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(reader.page("sample", id, null, 50)).isEmpty();
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> history.created("sample", UUID.randomUUID()))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesSnapshotsOfDifferentTypesAndReservedFieldNames() {
        assertThatThrownBy(() -> inTransaction(() -> history.changed("sample", UUID.randomUUID(),
                new Other("a"), new Sample("a", null, null, null, null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inTransaction(() -> history.changed("sample", UUID.randomUUID(),
                new Reserved("a"), new Reserved("b")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesNewestFirstWithoutGapsOrRepeatsAndOnlyThroughItsOwnCursors() {
        UUID id = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String from = "v" + i;
            String to = "v" + (i + 1);
            // two fields per change: entries sharing one time must not be split or repeated across pages
            inTransaction(() -> history.changed("sample", id, new Other(from), new Other(to)));
            inTransaction(() -> history.changed("sample", neighbour, new Other(from), new Other(to)));
            inTransaction(() -> history.changed("sample", id, new Sample(from, from, null, null, null),
                    new Sample(to, to, null, null, null)));
            written.add(to + "/name");
            written.add(to + "/name");
            written.add(to + "/email");
        }
        List<String> newestFirst = new ArrayList<>();
        for (int i = written.size() - 1; i >= 0; i -= 3) {
            newestFirst.addAll(List.of(written.get(i - 1), written.get(i), written.get(i - 2)));
        }

        List<String> seen = new ArrayList<>();
        PageCursor cursor = null;
        int pages = 0;
        do {
            List<FieldChange> page = reader.page("sample", id, cursor, 5);
            List<FieldChange> shown = page.subList(0, Math.min(5, page.size()));
            shown.forEach(change -> seen.add(change.newValue() + "/" + change.field()));
            cursor = page.size() > 5
                    ? FieldHistoryReader.decodeCursor(FieldHistoryReader.cursorAfter("sample", shown.get(4)).encode(),
                            "sample")
                    : null;
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        String customersCursor = FieldHistoryReader.cursorAfter("customer",
                reader.page("sample", id, null, 1).get(0)).encode();
        assertThatThrownBy(() -> FieldHistoryReader.decodeCursor(customersCursor, "sample"))
            .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void forgetsAPurgedRecordsHistoryOnly() {
        UUID purged = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID createdAndPurged = UUID.randomUUID();
        inTransaction(() -> {
            history.created("sample", purged);
            history.created("sample", kept);
        });

        inTransaction(() -> history.forget("sample", purged));
        inTransaction(() -> {
            history.created("sample", createdAndPurged);
            history.forget("sample", createdAndPurged);
        });

        assertThat(reader.page("sample", purged, null, 50)).isEmpty();
        assertThat(reader.page("sample", createdAndPurged, null, 50)).isEmpty();
        assertThat(reader.page("sample", kept, null, 50)).hasSize(1);
    }

    private static void inTransaction(Runnable action) {
        transaction.executeWithoutResult(status -> action.run());
    }

    private static void signIn(Jwt jwt) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    /** A second later at each reading: every write of a test has its own time. */
    static final class StepClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

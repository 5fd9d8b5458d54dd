package org.opencrm.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.EventStream;
import org.opencrm.reporting.domain.RebuildSchema;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.Envelopes;
import org.opencrm.reporting.support.Envelopes.Event;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.opencrm.reporting.support.SecondInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on the same PostgreSQL and Kafka: A (the test context) applies every event, B (started
 * here, consuming nothing, its figures kept for an hour) hears of A's committed changes through the database's
 * notifications, pushes its own open streams and drops its kept figures; the rebuild's status and guard are the
 * database's, so both answer the same and refuse a second one.
 */
@ReportingIntegrationTest
class CrossInstanceIT {

    private static final String REBUILD = "/api/v1/reports/admin/rebuild";

    private static final String LISTENERS = "select pid from pg_stat_activity"
            + " where application_name = 'reporting-service change listener' and datname = current_database()";

    private static SecondInstance b;

    @LocalServerPort
    int port;

    @Autowired
    EventFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startSecondInstance(@Autowired ApplicationContext first) {
        b = SecondInstance.startedLike(first, Map.of("crm.reports.dashboard-figures-ttl", "1h"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void anEventAppliedByOneInstanceReachesTheStreamsAndKeptFiguresOfTheOther() throws Exception {
        Api onB = new Api(b.port());
        Caller sales1 = Api.signIn("sales1");
        Caller sales2 = Api.signIn("sales2");
        Caller manager = Api.signIn("manager");
        String url = "http://127.0.0.1:" + b.port() + "/api/v1/reports/stream";
        try (EventStream ofSales1 = EventStream.open(url, sales1.token(), null);
                EventStream ofManager = EventStream.open(url, manager.token(), null)) {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !ofSales1.events().isEmpty() && !ofManager.events().isEmpty());
            JsonNode sales1Before = ofSales1.events().get(0).data();
            // kept by B for an hour: only the notification can make it count again
            long managerOpenLeads = openLeads(onB, manager);
            assertThat(ofManager.events().get(0).data().get("openLeads").asLong()).isEqualTo(managerOpenLeads);

            long sent = System.nanoTime();
            sendLeadOf(sales2, "250.00");

            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(last(ofManager, "dashboard").get("openLeads").asLong()).isEqualTo(managerOpenLeads + 1));
            long pushedAfter = Duration.ofNanos(System.nanoTime() - sent).toMillis();
            assertThat(openLeads(onB, manager)).isEqualTo(managerOpenLeads + 1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ofSales1.events("changed").stream()
                .flatMap(changed -> changed.data().get("datasets").values().stream()).map(JsonNode::asString)
                .toList().contains("leads"));
            // sales1's stream on B heard that leads changed, never sales2's figures
            assertThat(ofSales1.events("dashboard")).allSatisfy(event -> {
                assertThat(event.data().get("openLeads")).isEqualTo(sales1Before.get("openLeads"));
                assertThat(event.data().get("pipelineValue")).isEqualTo(sales1Before.get("pipelineValue"));
            });
            System.out.printf("event on A's partition -> B's stream: %d ms%n", pushedAfter);
        }
    }

    @Test
    void theListenerListensAgainAfterItsConnectionWasKilled() throws Exception {
        Api onB = new Api(b.port());
        Caller sales2 = Api.signIn("sales2");
        Caller manager = Api.signIn("manager");
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> jdbc.sql(LISTENERS).query(Integer.class).list().size() == 2);
        List<Integer> before = jdbc.sql(LISTENERS).query(Integer.class).list();
        assertThat(jdbc.sql("select bool_and(pg_terminate_backend(pid)) from (" + LISTENERS + ") l")
            .query(Boolean.class).single()).isTrue();
        Awaitility.await("both listen again").atMost(Duration.ofSeconds(20)).until(() -> {
            List<Integer> now = jdbc.sql(LISTENERS).query(Integer.class).list();
            return now.size() == 2 && now.stream().noneMatch(before::contains);
        });

        String url = "http://127.0.0.1:" + b.port() + "/api/v1/reports/stream";
        try (EventStream ofManager = EventStream.open(url, manager.token(), null)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ofManager.events().isEmpty());
            long managerOpenLeads = openLeads(onB, manager);
            sendLeadOf(sales2, "10.00");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(last(ofManager, "dashboard").get("openLeads").asLong()).isEqualTo(managerOpenLeads + 1));
            assertThat(openLeads(onB, manager)).isEqualTo(managerOpenLeads + 1);
        }
    }

    @Test
    void aRebuildStatusIsTheDatabasesAndOneRunsAtATimeAcrossInstances() throws Exception {
        Api onA = new Api(port);
        Api onB = new Api(b.port());
        Caller admin = Api.signIn("admin");
        Awaitility.await("no rebuild running").atMost(Duration.ofSeconds(120))
            .until(() -> !List.of("running", "switching").contains(state(onA, admin)));

        try (Connection start = dataSource.getConnection()) {
            holdTheStart(start);
            HttpResponse<byte[]> started = onA.send(admin, "POST", REBUILD, null);
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode onBMeanwhile = onB.json(admin, "GET", REBUILD, null);
            assertThat(onBMeanwhile.get("state").asString()).isEqualTo("running");
            assertThat(onBMeanwhile.get("startedAt")).isEqualTo(onA.json(admin, "GET", REBUILD, null).get("startedAt"));
            HttpResponse<byte[]> second = onB.send(admin, "POST", REBUILD, null);
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            start.rollback();
        }
        Awaitility.await("the rebuild ran").atMost(Duration.ofSeconds(120))
            .until(() -> state(onB, admin).equals("done"));
        assertThat(onB.json(admin, "GET", REBUILD, null)).isEqualTo(onA.json(admin, "GET", REBUILD, null));

        // an instance that stopped during its rebuild left the row running, and its session lock went with it
        jdbc.sql("update rebuild_status set state = 'running', finished_at = null, error = null, instance = 'gone'")
            .update();
        JsonNode interrupted = onB.json(admin, "GET", REBUILD, null);
        assertThat(interrupted.get("state").asString()).isEqualTo("failed");
        assertThat(interrupted.get("error").asString()).contains("interrupted");
        assertThat(onB.send(admin, "POST", REBUILD, null).statusCode()).isEqualTo(202);
        Awaitility.await("B's rebuild ran").atMost(Duration.ofSeconds(120))
            .until(() -> state(onA, admin).equals("done"));
    }

    private void holdTheStart(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + RebuildSchema.NAME);
            statement.execute("create table if not exists " + RebuildSchema.NAME + ".hold (id int)");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + RebuildSchema.NAME + ".hold in access share mode");
        }
    }

    private static String state(Api api, Caller admin) {
        return api.json(admin, "GET", REBUILD, null).get("state").asString();
    }

    private void sendLeadOf(Caller owner, String value) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID customer = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        feed.send(Envelopes.of("customer.created", customer, now, Map.of("id", customer, "name", "Elsewhere",
                "ownerId", owner.id(), "createdAt", now.toString())));
        feed.send(Envelopes.of("lead.created", lead, now, Map.of("leadId", lead, "customerId", customer,
                "source", "WEB", "value", value, "currency", "EUR", "status", "NEW", "assignedTo", owner.id())));
    }

    private static long openLeads(Api api, Caller caller) {
        return api.json(caller, "GET", "/api/v1/reports/dashboard", null).get("openLeads").asLong();
    }

    private static JsonNode last(EventStream stream, String name) {
        List<EventStream.Event> events = new ArrayList<>(stream.events(name));
        return events.get(events.size() - 1).data();
    }
}

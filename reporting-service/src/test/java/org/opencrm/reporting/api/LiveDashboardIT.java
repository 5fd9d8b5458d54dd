package org.opencrm.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.EventStream;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.Envelopes;
import org.opencrm.reporting.support.Envelopes.Event;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live stream over real HTTP with real tokens, fed by events published on the real topics: each open dashboard
 * gets its own figures, a sales user never another's.
 */
@ReportingIntegrationTest
class LiveDashboardIT {

    @LocalServerPort
    int port;

    @Autowired
    EventFeed feed;

    @Autowired
    MeterRegistry meters;

    @Test
    void pushesEachUsersOwnFiguresWhenTheReadModelsChangeAndTheCurrentOnesOnReconnect() throws Exception {
        Api api = new Api(port);
        Caller sales1 = Api.signIn("sales1");
        Caller sales2 = Api.signIn("sales2");
        Caller manager = Api.signIn("manager");
        String url = "http://127.0.0.1:" + port + "/api/v1/reports/stream";
        try (EventStream ofSales1 = EventStream.open(url, sales1.token(), null);
                EventStream ofSales2 = EventStream.open(url, sales2.token(), null);
                EventStream ofManager = EventStream.open(url, manager.token(), null)) {
            assertThat(ofSales1.status()).isEqualTo(200);
            assertThat(ofSales1.contentType()).startsWith("text/event-stream");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ofSales1.events().isEmpty()
                    && !ofSales2.events().isEmpty() && !ofManager.events().isEmpty());
            JsonNode sales1Before = dashboard(api, sales1);
            assertThat(figures(ofSales1.events().get(0).data())).isEqualTo(sales1Before);
            assertThat(figures(ofSales2.events().get(0).data())).isEqualTo(dashboard(api, sales2));
            long managerOpenLeads = ofManager.events().get(0).data().get("openLeads").asLong();
            long sales2OpenLeads = ofSales2.events().get(0).data().get("openLeads").asLong();

            // sales2's new customer with a new lead of 250 EUR
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UUID customer = UUID.randomUUID();
            UUID lead = UUID.randomUUID();
            feed.send(Envelopes.of("customer.created", customer, now, Map.of("id", customer, "name", "Live",
                    "ownerId", sales2.id(), "createdAt", now.toString())));
            feed.send(Envelopes.of("lead.created", lead, now, Map.of("leadId", lead, "customerId", customer,
                    "source", "WEB", "value", "250.00", "currency", "EUR", "status", "NEW",
                    "assignedTo", sales2.id())));

            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(last(ofSales2, "dashboard").get("openLeads").asLong()).isEqualTo(sales2OpenLeads + 1);
                assertThat(last(ofManager, "dashboard").get("openLeads").asLong()).isEqualTo(managerOpenLeads + 1);
                assertThat(ofSales1.events("changed").stream()
                    .flatMap(changed -> changed.data().get("datasets").values().stream()).map(JsonNode::asString))
                    .contains("customers", "leads");
            });
            assertThat(figures(last(ofSales2, "dashboard"))).isEqualTo(dashboard(api, sales2));
            assertThat(figures(last(ofManager, "dashboard"))).isEqualTo(dashboard(api, manager));
            // sales1 sees the new customer (everyone's) but never sales2's lead: every figure of theirs is their own
            assertThat(ofSales1.events("dashboard")).allSatisfy(event -> {
                assertThat(event.data().get("openLeads")).isEqualTo(sales1Before.get("openLeads"));
                assertThat(event.data().get("pipelineValue")).isEqualTo(sales1Before.get("pipelineValue"));
            });
            assertThat(figures(last(ofSales1, "dashboard"))).isEqualTo(dashboard(api, sales1));
            for (EventStream stream : List.of(ofSales1, ofSales2, ofManager)) {
                assertThat(stream.events()).extracting(EventStream.Event::id).isSorted().doesNotHaveDuplicates();
            }

            // a reconnect gets the current figures at once, with an id after the last one it saw
            long lastSeen = ofSales2.events().get(ofSales2.events().size() - 1).id();
            try (EventStream again = EventStream.open(url, sales2.token(), Long.toString(lastSeen))) {
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !again.events().isEmpty());
                EventStream.Event first = again.events().get(0);
                assertThat(first.name()).isEqualTo("dashboard");
                assertThat(first.id()).isGreaterThan(lastSeen);
                assertThat(figures(first.data())).isEqualTo(dashboard(api, sales2));
            }
        }
    }

    @Test
    void timesEachStageFromAnEventToTheStreams() throws Exception {
        Caller manager = Api.signIn("manager");
        try (EventStream stream = EventStream.open("http://127.0.0.1:" + port + "/api/v1/reports/stream", manager.token(),
                null)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            long customersBefore = stream.events().get(0).data().get("customers").asLong();
            long applied = timer("crm.events.applied.delay").count();
            long pushes = timer("crm.reports.stream.push.delay").count();
            long dashboards = timer("crm.reports.stream.dashboard").count();

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UUID customer = UUID.randomUUID();
            feed.send(Envelopes.of("customer.created", customer, now, Map.of("id", customer, "name", "Timed",
                    "ownerId", manager.id(), "createdAt", now.toString())));

            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(last(stream, "dashboard").get("customers").asLong()).isGreaterThan(customersBefore);
                assertThat(timer("crm.events.applied.delay").count()).isGreaterThan(applied);
                assertThat(timer("crm.reports.stream.push.delay").count()).isGreaterThan(pushes);
                assertThat(timer("crm.reports.stream.dashboard").count()).isGreaterThan(dashboards);
            });
            // the percentiles ./crm bench reports live reads, from config-repo/application.yml
            for (String name : List.of("crm.events.applied.delay", "crm.reports.stream.push.delay")) {
                assertThat(timer(name).takeSnapshot().percentileValues()).as(name)
                    .extracting(ValueAtPercentile::percentile).containsExactly(0.5, 0.95, 0.99);
            }
        }
    }

    private Timer timer(String name) {
        return name.startsWith("crm.events") ? meters.get(name).tag("consumer", "reporting-service").timer()
                : meters.get(name).timer();
    }

    @Test
    void refusesAStreamWithoutAToken() {
        Api api = new Api(port);
        assertThat(api.send(new Caller("not-a-token", "nobody"), "GET", "/api/v1/reports/stream", null).statusCode())
            .isEqualTo(401);
    }

    private static JsonNode dashboard(Api api, Caller caller) {
        return figures(api.json(caller, "GET", "/api/v1/reports/dashboard", null));
    }

    /** The figures without the moment they were counted. */
    private static JsonNode figures(JsonNode dashboard) {
        ObjectNode copy = ((ObjectNode) dashboard).deepCopy();
        copy.remove("asOf");
        return copy;
    }

    private static JsonNode last(EventStream stream, String name) {
        List<EventStream.Event> events = new ArrayList<>(stream.events(name));
        return events.get(events.size() - 1).data();
    }
}

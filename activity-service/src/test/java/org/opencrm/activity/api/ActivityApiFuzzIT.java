package org.opencrm.activity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.FuzzResponse;
import org.opencrm.platform.test.fuzz.FuzzTokenConfiguration;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.opencrm.platform.test.fuzz.OpenApiFuzzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Every operation of the activity API, walked from its OpenAPI document with hostile input over real HTTP. */
@ServiceIntegrationTest
@Import(FuzzTokenConfiguration.class)
class ActivityApiFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    HttpFuzzTransport http() {
        return new HttpFuzzTransport("http://127.0.0.1:" + port,
                () -> Map.of("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN));
    }

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        UUID customer = seedTwoActivities();
        jdbc.sql("insert into known_customer (id, name, changed_at) values (:id, 'Fuzz', now())").param("id", customer)
            .update();
        var document = json.readTree(http().send(new FuzzRequest("GET", "/v3/api-docs", null, false, "doc")).body());

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(document, http());
        List<String> failures = fuzzer.run();

        assertThat(failures).isEmpty();
        assertThat(fuzzer.sent()).as("the timeline, the feed and the follow-up operations").isGreaterThan(100);
    }

    @Test
    void refusesAFeedCursorInACustomersTimelineAndOutOfRangeInstants() throws Exception {
        UUID customer = seedTwoActivities();
        for (String keyed : List.of("activities|+300000-01-01T00:00:00Z", "activities|-290000-01-01T00:00:00Z",
                "activities|2026-01-01T00:00:00Z")) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((keyed + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            String query = keyed.endsWith("2026-01-01T00:00:00Z") ? "customerId=" + customer + "&" : "";
            FuzzResponse response = http().send(new FuzzRequest("GET", "/api/v1/activities?" + query + "cursor=" + cursor,
                    null, false, keyed));
            assertThat(response.status()).as(keyed).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        }
    }

    private UUID seedTwoActivities() {
        UUID customer = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                    insert into activity (id, customer_id, user_id, action, summary, occurred_at, event_id)
                    values (:id, :customer, 'fuzz', 'customer.created', 'seeded', :at, :event)""")
                .param("id", UUID.randomUUID())
                .param("customer", customer)
                .param("at", Timestamp.from(Instant.now()))
                .param("event", UUID.randomUUID())
                .update();
        }
        return customer;
    }
}

package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.EventStream;

/**
 * reporting-service's live dashboard stream as a browser holds it open through the gateway: the figures at once, a
 * change made in another service pushed as it happens, reporting-service's own heartbeat comments passed through
 * (a proxy that buffered or dropped them would close idle streams), and a reconnect with {@code Last-Event-ID} that
 * gets the current figures at once.
 */
@ExtendWith(LocalStackExtension.class)
class LiveDashboardSystemIT {

    // the local profile's heartbeat comes every 2 s (config-repo/reporting-service.yml), whenever the stream was opened
    private static final Duration HEARTBEAT_WITHIN = Duration.ofSeconds(10);

    @Test
    void carriesChangesAndHeartbeatsThroughTheGatewayAndResumesAfterAReconnect(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("manager", "crm-demo");
        String url = stack.gateway("/api/v1/reports/stream").toString();
        try (EventStream stream = EventStream.open(url, token, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            await("the figures on opening").atMost(Duration.ofSeconds(10))
                .until(() -> !stream.events("dashboard").isEmpty());
            long customersBefore = lastDashboard(stream).data().path("customers").asLong();

            HttpResponse<String> created = stack.post(token, "/api/v1/customers", UUID.randomUUID().toString(),
                    Map.of("name", "Live Stream AG", "email", "live-" + UUID.randomUUID() + "@example.com"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            await("the new customer pushed to the open stream").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(lastDashboard(stream).data().path("customers").asLong())
                    .isGreaterThan(customersBefore));
            assertThat(stream.events("changed")).anySatisfy(changed -> assertThat(changed.data().path("datasets")
                .values().stream().map(dataset -> dataset.asString()).toList()).contains("customers"));

            await("reporting-service's heartbeat through the gateway").atMost(HEARTBEAT_WITHIN)
                .until(() -> stream.comments().contains("heartbeat"));
            List<EventStream.Event> seen = stream.events();
            assertThat(seen).extracting(EventStream.Event::id).isSorted().doesNotHaveDuplicates();

            EventStream.Event last = seen.get(seen.size() - 1);
            long customersSeen = lastDashboard(stream).data().path("customers").asLong();
            try (EventStream resumed = EventStream.open(url, token, Long.toString(last.id()))) {
                assertThat(resumed.status()).isEqualTo(200);
                await("the current figures on reconnecting").atMost(Duration.ofSeconds(10))
                    .until(() -> !resumed.events().isEmpty());
                EventStream.Event first = resumed.events().get(0);
                assertThat(first.name()).isEqualTo("dashboard");
                assertThat(first.id()).isGreaterThan(last.id());
                assertThat(first.data().path("customers").asLong()).isGreaterThanOrEqualTo(customersSeen);
            }
        }
    }

    private static EventStream.Event lastDashboard(EventStream stream) {
        List<EventStream.Event> dashboards = stream.events("dashboard");
        return dashboards.get(dashboards.size() - 1);
    }
}

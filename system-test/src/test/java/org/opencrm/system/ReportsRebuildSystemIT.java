package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./crm reports rebuild} as an operator runs it against the stack: reporting-service's read models rebuilt from
 * the topics, progress printed until done; afterwards the dashboard counts what it counted before (replayed equals
 * built as events came) and a customer created after the switch counts at once.
 */
@ExtendWith(LocalStackExtension.class)
class ReportsRebuildSystemIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> FIGURES = List.of("customers", "newCustomers", "openLeads", "pipelineValue",
            "wonLeads", "lostLeads", "revenue");

    @Test
    void rebuildsTheReadModelsFromTheTopicsAndCountsTheSameAfterwards(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("admin", "crm-demo");
        JsonNode before = settled(stack, token);
        Instant started = Instant.now();

        int exit = stack.run("crm-reports-rebuild", Duration.ofMinutes(5), stack.projectRoot(), Map.of(),
                List.of("bash", stack.projectRoot().resolve("crm").toString(), "reports", "rebuild"));

        assertThat(exit).isZero();
        JsonNode status = JSON.readTree(stack.get(token, "/api/v1/reports/admin/rebuild").body());
        assertThat(status.path("state").asString()).isEqualTo("done");
        assertThat(Instant.parse(status.path("startedAt").asString())).isAfter(started);
        assertThat(status.path("eventsApplied").asLong()).isPositive();
        JsonNode after = dashboard(stack, token);
        for (String figure : FIGURES) {
            assertThat(after.path(figure)).as(figure).isEqualTo(before.path(figure));
        }

        HttpResponse<String> created = stack.post(token, "/api/v1/customers", UUID.randomUUID().toString(),
                Map.of("name", "After The Rebuild", "email", "rebuilt-" + UUID.randomUUID() + "@example.com"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await("a customer created after the switch counted").atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(dashboard(stack, token).path("customers").asLong())
                .isEqualTo(before.path("customers").asLong() + 1));
    }

    /** The figures once no event is on its way (the demo data's, the tests' before): the same twice in a row. */
    private static JsonNode settled(LocalStack stack, String token) throws Exception {
        JsonNode[] last = { dashboard(stack, token) };
        await("the dashboard settled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
            .until(() -> {
                JsonNode now = dashboard(stack, token);
                boolean same = FIGURES.stream().allMatch(figure -> now.path(figure).equals(last[0].path(figure)));
                last[0] = now;
                return same;
            });
        return last[0];
    }

    private static JsonNode dashboard(LocalStack stack, String token) throws Exception {
        HttpResponse<String> response = stack.get(token, "/api/v1/reports/dashboard");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

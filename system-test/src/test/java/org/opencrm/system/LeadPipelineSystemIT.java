package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.system.LocalStack.JSON;
import static org.opencrm.system.LocalStack.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A lead's way through the whole stack: customer-service → crm.customer → lead-service (assignment through Keycloak's
 * admin API, scoring) → crm.lead → activity-service, all driven and read through the gateway with real tokens.
 */
@ExtendWith(LocalStackExtension.class)
class LeadPipelineSystemIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void aNewCustomersLeadIsAssignedScoredWonAndOnTheCustomersTimelineInOrder(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("manager", "crm-demo");
        HttpResponse<String> customer = stack.post(token, "/api/v1/customers", UUID.randomUUID().toString(), Map.of("name", "Pipeline Ltd",
                "email", "pipeline-" + UUID.randomUUID() + "@example.com", "phone", "+44 20 7946 0001"));
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        String customerId = JSON.readTree(customer.body()).path("id").asString();

        // lead-service knows the customer once its customer.created event arrived (422 naming customerId before)
        String idempotencyKey = UUID.randomUUID().toString();
        JsonNode lead = await("a lead for customer " + customerId).atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> created = stack.post(token, "/api/v1/leads", idempotencyKey, Map.of(
                            "customerId", customerId, "title", "Pipeline rollout", "source", "REFERRAL",
                            "value", "25000.00", "currency", "EUR"));
                    assertThat(created.statusCode()).as(created.body()).isIn(201, 422);
                    return created.statusCode() == 201 ? JSON.readTree(created.body()) : null;
                }, created -> created != null);
        String leadId = lead.path("id").asString();
        // nobody named: the automatic assignment chose an active sales user of the realm
        assertThat(lead.path("assignedTo").asString()).as(lead.toString()).isNotBlank();

        JsonNode score = await("the score of lead " + leadId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> answer = stack.get(token, "/api/v1/leads/" + leadId + "/score");
                    return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
                }, found -> found != null && !found.path("score").isNull());
        assertThat(score.path("factors").findValuesAsString("name")).contains("value", "source", "status");

        for (String status : List.of("IN_PROGRESS", "CLOSED_WON")) {
            HttpResponse<String> moved = send(HttpRequest.newBuilder(stack.gateway("/api/v1/leads/" + leadId + "/status"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }

        await("the lead's story on customer " + customerId + "'s timeline").atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    List<String> leadActions = timeline(stack, token, customerId).stream()
                            .filter(action -> action.startsWith("lead.")).toList();
                    assertThat(leadActions).as("lead events, oldest first").startsWith("lead.created", "lead.assigned",
                            "lead.scored");
                    assertThat(leadActions).containsSubsequence("lead.created", "lead.assigned", "lead.scored",
                            "lead.status-changed", "lead.status-changed");
                });
        assertThat(timeline(stack, token, customerId).get(0)).isEqualTo("customer.created");
    }

    /** The customer's activities, oldest first (the API answers newest first). */
    private static List<String> timeline(LocalStack stack, String token, String customerId) throws Exception {
        HttpResponse<String> answer = stack.get(token, "/api/v1/activities?size=100&customerId=" + customerId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        JSON.readTree(answer.body()).path("items").forEach(item -> actions.add(item.path("action").asString()));
        Collections.reverse(actions);
        return actions;
    }
}

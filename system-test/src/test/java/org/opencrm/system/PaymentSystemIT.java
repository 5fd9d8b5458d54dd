package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.system.LocalStack.JSON;
import static org.opencrm.system.LocalStack.send;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A won lead's payment through the whole stack: customer-service and lead-service → payment-service (which learns of
 * both from their events) → crm.payment → activity-service's timeline, lead-service's score and reporting-service's
 * figures, driven and read through the gateway with real tokens.
 */
@ExtendWith(LocalStackExtension.class)
class PaymentSystemIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final String WON = "[{\"field\":\"status\",\"operator\":\"eq\",\"value\":\"CLOSED_WON\"}]";

    @Test
    void aWonLeadsPaymentIsRecordedOnceAndShowsOnTheTimelineAndInTheLeadsScore(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("manager", "crm-demo");
        // in francs: the demo data, which may still be arriving, has none
        BigDecimal revenueBefore = todaysInFrancs(stack, token, "payments", "sum", "[]");
        BigDecimal wonBefore = todaysInFrancs(stack, token, "leads", "count", WON);
        HttpResponse<String> customer = stack.post(token, "/api/v1/customers", UUID.randomUUID().toString(),
                Map.of("name", "Paying Pipeline Ltd", "email", "paying-" + UUID.randomUUID() + "@example.com"));
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        String customerId = JSON.readTree(customer.body()).path("id").asString();

        // lead-service knows the customer once its customer.created event arrived (422 naming customerId before)
        String leadKey = UUID.randomUUID().toString();
        JsonNode lead = eventually("a lead for customer " + customerId, () -> stack.post(token, "/api/v1/leads", leadKey,
                Map.of("customerId", customerId, "title", "Payment rollout", "source", "REFERRAL", "value", "1500.00",
                        "currency", "CHF")));
        String leadId = lead.path("id").asString();
        for (String status : List.of("IN_PROGRESS", "CLOSED_WON")) {
            HttpResponse<String> moved = send(HttpRequest.newBuilder(stack.gateway("/api/v1/leads/" + leadId + "/status"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }

        // payment-service knows the customer and the lead once their events arrived (422 before; each attempt a key
        // of its own, as a refused one may be remembered with its answer)
        AtomicReference<String> paymentKey = new AtomicReference<>();
        Map<String, String> payment = Map.of("customerId", customerId, "leadId", leadId, "amount", "1500.00",
                "currency", "CHF", "method", "BANK_TRANSFER");
        JsonNode recorded = eventually("a payment on lead " + leadId, () -> {
            paymentKey.set(UUID.randomUUID().toString());
            return stack.post(token, "/api/v1/payments", paymentKey.get(), payment);
        });
        assertThat(recorded.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(recorded.path("amount").asString()).isEqualTo("1500.00");
        // the same request again (a retry): the same payment, not a second one
        HttpResponse<String> again = stack.post(token, "/api/v1/payments", paymentKey.get(), payment);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).path("id").asString()).isEqualTo(recorded.path("id").asString());

        await("the payment on customer " + customerId + "'s timeline").atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    HttpResponse<String> timeline = stack.get(token,
                            "/api/v1/customers/" + customerId + "/timeline?kind=payment");
                    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
                    List<String> summaries = new ArrayList<>();
                    JSON.readTree(timeline.body()).path("items")
                            .forEach(item -> summaries.add(item.path("summary").asString()));
                    assertThat(summaries)
                            .containsExactly("Payment of CHF 1500.00 recorded (bank transfer) for lead Payment rollout");
                });
        await("the payment in lead " + leadId + "'s score").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> score = stack.get(token, "/api/v1/leads/" + leadId + "/score");
                    assertThat(score.statusCode()).as(score.body()).isEqualTo(200);
                    JsonNode factor = null;
                    for (JsonNode each : JSON.readTree(score.body()).path("factors")) {
                        if (each.path("name").asString().equals("payment")) {
                            factor = each;
                        }
                    }
                    assertThat(factor).as(score.body()).isNotNull();
                    assertThat(factor.path("reason").asString()).startsWith("Completed payments: 1,");
                    assertThat(factor.path("points").asInt()).isPositive();
                });
        // reporting-service's read models, from the same events: today's revenue and won leads, one more each
        await("the payment and the won lead in today's reports").atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(todaysInFrancs(stack, token, "payments", "sum", "[]"))
                            .isEqualByComparingTo(revenueBefore.add(new BigDecimal("1500.00")));
                    assertThat(todaysInFrancs(stack, token, "leads", "count", WON))
                            .isEqualByComparingTo(wonBefore.add(BigDecimal.ONE));
                });
    }

    /**
     * A widget's figure over today (UTC) for the francs group, as the dashboard would ask reporting-service; 0 if
     * none.
     */
    private static BigDecimal todaysInFrancs(LocalStack stack, String token, String dataset, String function,
            String filters) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String query = """
                {"dataset":"%s","metric":{"function":"%s"%s},"groupBy":"currency","filters":%s,"from":"%s","to":"%s"}"""
                .formatted(dataset, function, function.equals("sum") ? ",\"field\":\"amount\"" : "", filters, today,
                        today.plusDays(1));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(stack.gateway("/api/v1/reports/query"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(answer.body()).path("rows")) {
            if (row.path("key").asString().equals("CHF")) {
                return new BigDecimal(row.path("value").asString());
            }
        }
        return BigDecimal.ZERO;
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /** Repeats a create that answers 422 until the services involved heard of what it names; its 201 body. */
    private static JsonNode eventually(String what, Call create) {
        return await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = create.call();
            assertThat(created.statusCode()).as(created.body()).isIn(201, 422);
            return created.statusCode() == 201 ? JSON.readTree(created.body()) : null;
        }, created -> created != null);
    }
}

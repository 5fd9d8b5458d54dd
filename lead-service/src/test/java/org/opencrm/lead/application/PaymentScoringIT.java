package org.opencrm.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Payments on a lead (crm.payment) feed its score: completed ones raise it, a full refund takes it back. */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(locations = "classpath:lead-scoring-test.properties")
class PaymentScoringIT {

    private static final String PAYMENTS = TestNamespace.topic("crm.payment");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aCompletedPaymentRaisesTheLeadsScoreAndAFullRefundTakesItBack() throws Exception {
        UUID customerId = customer(jdbc, "Paying Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Pays", "100", "EUR", null).get("id").asString();
        UUID leadId = UUID.fromString(id);
        JsonNode before = awaitScore(id);
        assertThat(factor(before, "payment").get("reason").asString()).isEqualTo("No completed payments yet");
        int base = before.get("score").asInt();

        UUID first = UUID.randomUUID();
        String recorded = event(first, "payment.recorded", Map.of("customerId", customerId, "leadId", leadId,
                "amount", "120.00", "currency", "EUR", "status", "COMPLETED", "method", "CARD"));
        kafka.send(PAYMENTS, first.toString(), recorded).get();
        // a redelivery counts once
        kafka.send(PAYMENTS, first.toString(), recorded).get();
        // a payment of the customer on no lead says nothing about this one
        UUID unrelated = UUID.randomUUID();
        kafka.send(PAYMENTS, unrelated.toString(), event(unrelated, "payment.recorded", Map.of("customerId",
                customerId, "amount", "5.00", "currency", "EUR", "status", "COMPLETED", "method", "CASH"))).get();

        // 20 points each, 10 for a recent one (config-repo/lead-service.yml)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "payment")
                .get("reason").asString()).isEqualTo("Completed payments: 1, the latest today"));
        assertThat(factor(score(id), "payment").get("points").asInt()).isEqualTo(30);
        assertThat(score(id).get("score").asInt()).isEqualTo(Math.min(100, base + 30));

        // pending first, then completed: counts once it completed; a partial refund keeps it
        UUID second = UUID.randomUUID();
        kafka.send(PAYMENTS, second.toString(), event(second, "payment.recorded", Map.of("customerId", customerId,
                "leadId", leadId, "amount", "50.00", "currency", "EUR", "status", "PENDING", "method",
                "BANK_TRANSFER"))).get();
        kafka.send(PAYMENTS, second.toString(), event(second, "payment.status-changed", Map.of("customerId",
                customerId, "leadId", leadId, "from", "PENDING", "to", "COMPLETED", "amount", "50.00",
                "currency", "EUR"))).get();
        kafka.send(PAYMENTS, second.toString(), refund(second, customerId, leadId, "10.00", "PARTIALLY_REFUNDED"))
            .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "payment")
                .get("reason").asString()).isEqualTo("Completed payments: 2, the latest today"));

        kafka.send(PAYMENTS, first.toString(), refund(first, customerId, leadId, "120.00", "REFUNDED")).get();
        kafka.send(PAYMENTS, second.toString(), refund(second, customerId, leadId, "40.00", "REFUNDED")).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "payment")
                .get("reason").asString()).isEqualTo("No completed payments yet"));
        assertThat(factor(score(id), "payment").get("points").asInt()).isZero();
        assertThat(score(id).get("score").asInt()).isEqualTo(base);
    }

    private String refund(UUID paymentId, UUID customerId, UUID leadId, String amount, String status) {
        return event(paymentId, "payment.refunded", Map.of("customerId", customerId, "leadId", leadId, "refundId",
                UUID.randomUUID(), "amount", amount, "refundedAmount", amount, "currency", "EUR", "status", status));
    }

    private String event(UUID paymentId, String type, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("paymentId", paymentId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        payload.put("occurredAt", now.toString());
        UUID eventId = UUID.randomUUID();
        return json.writeValueAsString(Map.of("id", eventId, "type", type, "version", 1, "occurredAt", now.toString(),
                "aggregateType", "payment", "aggregateId", paymentId.toString(), "producer", "payment-service",
                "correlationId", "corr-" + eventId, "actor", "user-sales", "payload", payload));
    }

    private JsonNode awaitScore(String id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = mvc.perform(get("/api/v1/leads/" + id + "/score").with(as("manager"))).andReturn()
                .getResponse();
            return response.getStatus() == 200 ? json.readTree(response.getContentAsString()) : null;
        }, found -> found != null && !found.get("score").isNull());
    }

    private JsonNode score(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/leads/" + id + "/score").with(as("manager")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode factor(JsonNode score, String name) {
        for (JsonNode factor : score.get("factors")) {
            if (factor.get("name").asString().equals(name)) {
                return factor;
            }
        }
        throw new AssertionError("no factor " + name + " in " + score);
    }
}

package org.opencrm.activity.events;

import static org.opencrm.activity.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.activity.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** payment-service's events become payment entries of the customer's timeline, once each, about the lead if any. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class PaymentEventsConsumptionIT {

    private static final String PAYMENTS = TestNamespace.topic("crm.payment");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Test
    void putsAPaymentsLifeOnTheCustomersTimelineOnceEach() throws Exception {
        Fixtures fixtures = new Fixtures(jdbc, json);
        UUID customerId = fixtures.customer("Paying Ltd");
        UUID paymentId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String recorded = payment(fixtures, "payment.recorded", paymentId, t0, Map.of("customerId", customerId,
                "amount", "120.00", "currency", "EUR", "status", "COMPLETED", "method", "CARD", "futureField", 1));
        kafka.send(PAYMENTS, paymentId.toString(), recorded).get();
        // a redelivery changes nothing
        kafka.send(PAYMENTS, paymentId.toString(), recorded).get();
        kafka.send(PAYMENTS, paymentId.toString(), payment(fixtures, "payment.refunded", paymentId, t0.plusMillis(1),
                Map.of("customerId", customerId, "refundId", UUID.randomUUID(), "amount", "20.00",
                        "refundedAmount", "20.00", "currency", "EUR", "status", "PARTIALLY_REFUNDED"))).get();
        UUID pending = UUID.randomUUID();
        kafka.send(PAYMENTS, pending.toString(), payment(fixtures, "payment.recorded", pending, t0.plusMillis(2),
                Map.of("customerId", customerId, "amount", "1200", "currency", "JPY", "status", "PENDING",
                        "method", "BANK_TRANSFER"))).get();
        kafka.send(PAYMENTS, pending.toString(), payment(fixtures, "payment.status-changed", pending, t0.plusMillis(3),
                Map.of("customerId", customerId, "from", "PENDING", "to", "COMPLETED", "amount", "1200",
                        "currency", "JPY"))).get();

        awaitEntries(customerId, 4);
        mvc.perform(get("/api/v1/customers/{id}/timeline", customerId).param("kind", "payment")
                .with(as("user-9", "support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(4))
            .andExpect(jsonPath("$.items[0].kind").value("payment"))
            .andExpect(jsonPath("$.items[0].type").value("payment.status-changed"))
            .andExpect(jsonPath("$.items[0].summary").value("Payment JPY 1200 completed"))
            .andExpect(jsonPath("$.items[1].summary").value("Pending payment of JPY 1200 recorded (bank transfer)"))
            .andExpect(jsonPath("$.items[2].summary").value("EUR 20.00 refunded of EUR 120.00"))
            .andExpect(jsonPath("$.items[3].summary").value("Payment of EUR 120.00 recorded (card)"))
            .andExpect(jsonPath("$.items[3].actorName").value(Fixtures.nameOf("user-1")));
    }

    @Test
    void aPaymentOnALeadNamesItAndIsSeenByItsAssigneeAlone() throws Exception {
        Fixtures fixtures = new Fixtures(jdbc, json);
        UUID customerId = fixtures.customer("Lead Paying Ltd");
        UUID leadId = fixtures.lead(customerId, "Rollout", "user-3");
        UUID paymentId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        kafka.send(PAYMENTS, paymentId.toString(), payment(fixtures, "payment.recorded", paymentId, t0,
                Map.of("customerId", customerId, "leadId", leadId, "amount", "1.250", "currency", "KWD",
                        "status", "COMPLETED", "method", "CASH"))).get();

        awaitEntries(customerId, 1);
        mvc.perform(get("/api/v1/customers/{id}/timeline", customerId).with(as("user-3", "sales")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].summary").value("Payment of KWD 1.250 recorded (cash) for lead Rollout"))
            .andExpect(jsonPath("$.items[0].leadId").value(leadId.toString()));
        mvc.perform(get("/api/v1/customers/{id}/timeline", customerId).with(as("user-4", "sales")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(0));
    }

    private void awaitEntries(UUID customerId, long count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single() == count);
    }

    private static String payment(Fixtures fixtures, String type, UUID paymentId, Instant at,
            Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("paymentId", paymentId);
        payload.put("occurredAt", at.toString());
        return fixtures.envelope(type, "payment", paymentId, at, "user-1", payload);
    }
}

package org.opencrm.payment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.payment.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each change reaches crm.payment through the outbox, keyed by the payment id, amounts as strings, in order. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class PaymentEventsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaProperties kafka;

    @Test
    void publishesRecordedStatusChangedAndRefundedInOrder() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Fixtures fixtures = new Fixtures(jdbc);
            UUID customer = fixtures.customer("Events Ltd", "user-sales");
            UUID lead = fixtures.lead(customer, "Deal", "user-sales");
            RequestPostProcessor manager = as("user-manager", "manager");
            String body = mvc.perform(post("/api/v1/payments").with(manager).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"customerId":"%s","leadId":"%s","amount":"1.5","currency":"KWD","method":"BANK_TRANSFER",
                             "status":"PENDING","externalRef":"evt-%s"}""".formatted(customer, lead, UUID.randomUUID())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String id = json.readTree(body).get("id").asString();
            mvc.perform(post("/api/v1/payments/{id}/status", id).with(manager).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"COMPLETED\",\"version\":0}")).andExpect(status().isOk());
            mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(manager).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":\"0.5\"}")).andExpect(status().isCreated());

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        received.add(record);
                    }
                });
                return received.size() >= 3;
            });

            JsonNode recorded = json.readTree(received.get(0).value());
            assertThat(recorded.get("type").asString()).isEqualTo("payment.recorded");
            assertThat(recorded.get("aggregateType").asString()).isEqualTo("payment");
            assertThat(recorded.get("producer").asString()).isEqualTo("payment-service");
            assertThat(recorded.get("actor").asString()).isEqualTo("user-manager");
            JsonNode payload = recorded.get("payload");
            assertThat(payload.get("paymentId").asString()).isEqualTo(id);
            assertThat(payload.get("customerId").asString()).isEqualTo(customer.toString());
            assertThat(payload.get("leadId").asString()).isEqualTo(lead.toString());
            assertThat(payload.get("amount").isString()).isTrue();
            assertThat(payload.get("amount").asString()).isEqualTo("1.500");
            assertThat(payload.get("currency").asString()).isEqualTo("KWD");
            assertThat(payload.get("status").asString()).isEqualTo("PENDING");
            assertThat(payload.get("method").asString()).isEqualTo("BANK_TRANSFER");
            assertThat(payload.get("occurredAt")).isNotNull();
            assertThat(payload.path("paidAt").isNull() || payload.path("paidAt").isMissingNode()).as("a pending payment's money has not moved").isTrue();

            JsonNode changed = json.readTree(received.get(1).value());
            assertThat(changed.get("type").asString()).isEqualTo("payment.status-changed");
            assertThat(changed.get("payload").get("from").asString()).isEqualTo("PENDING");
            assertThat(changed.get("payload").get("to").asString()).isEqualTo("COMPLETED");
            assertThat(changed.get("payload").get("amount").asString()).isEqualTo("1.500");
            assertThat(Instant.parse(changed.get("payload").get("paidAt").asString()))
                .as("completed now: the money moved when the status changed")
                .isEqualTo(Instant.parse(changed.get("payload").get("occurredAt").asString()));

            JsonNode refunded = json.readTree(received.get(2).value());
            assertThat(refunded.get("type").asString()).isEqualTo("payment.refunded");
            assertThat(refunded.get("payload").get("amount").asString()).isEqualTo("0.500");
            assertThat(refunded.get("payload").get("refundedAmount").asString()).isEqualTo("0.500");
            assertThat(refunded.get("payload").get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(refunded.get("payload").get("refundId").asString()).isNotBlank();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return TopicReaders.fromTheStart(kafka.buildConsumerProperties(), TestNamespace.topic("crm.payment"));
    }
}

package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each change reaches Kafka through the outbox, keyed by the customer id, in the order it was made. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerEventsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaProperties kafka;

    @Test
    void publishesCreatedThenDeletedInOrderWithTheEnvelope() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            String body = mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                    .header("traceparent", "00-" + traceId + "-1234567890abcdef-01")
                    .content("""
                            {"name":"Ada Lovelace","email":"%s"}""".formatted(unique("ada"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String id = json.readTree(body).get("id").asString();
            mvc.perform(delete("/api/v1/customers/" + id).with(as("admin"))).andExpect(status().isNoContent());

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        received.add(record);
                    }
                });
                return received.size() >= 2;
            });

            JsonNode created = json.readTree(received.get(0).value());
            assertThat(created.get("type").asString()).isEqualTo("customer.created");
            assertThat(created.get("aggregateType").asString()).isEqualTo("customer");
            assertThat(created.get("aggregateId").asString()).isEqualTo(id);
            assertThat(created.get("producer").asString()).isEqualTo("customer-service");
            assertThat(created.get("actor").asString()).isEqualTo("user-sales");
            assertThat(created.get("actorName").asString()).isEqualTo("The sales");
            assertThat(created.get("version").asInt()).isEqualTo(1);
            assertThat(created.get("payload").get("name").asString()).isEqualTo("Ada Lovelace");
            assertThat(json.readTree(received.get(1).value()).get("type").asString()).isEqualTo("customer.deleted");
            assertThat(received.get(0).headers().lastHeader("crm-event-type")).isNotNull();
            // the request's trace continues through the outbox into Kafka
            assertThat(new String(received.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains(traceId);
            assertThat(created.get("correlationId").asString()).isEqualTo(traceId);

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jdbc
                .sql("select count(*) from outbox_event where aggregate_id = :id and published_at is null")
                .param("id", id).query(Long.class).single() == 0);
        }
    }

    @Test
    void writesNoEventWhenTheChangeIsRejected() throws Exception {
        String email = unique("once");
        String payload = """
                {"name":"Once","email":"%s"}""".formatted(email);
        mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON).content(payload))
            .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON).content(payload))
            .andExpect(status().isConflict());
        long events = jdbc.sql("select count(*) from outbox_event where payload -> 'payload' ->> 'email' = :email")
            .param("email", email).query(Long.class).single();
        assertThat(events).isEqualTo(1);
    }

    private KafkaConsumer<String, String> consumer() {
        return TopicReaders.fromTheStart(kafka.buildConsumerProperties(), TestNamespace.topic("crm.customer"));
    }
}

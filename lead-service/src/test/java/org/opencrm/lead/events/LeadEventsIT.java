package org.opencrm.lead.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.lead.api.Leads.SALES;
import static org.opencrm.lead.api.Leads.SALES2;
import static org.opencrm.lead.api.Leads.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.lead.api.Leads;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer facts arrive by crm.customer events (duplicates and out of order included) and leads leave their events on
 * crm.lead through the outbox.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class LeadEventsIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsALeadForACustomerAsSoonAsItsCreatedEventArrived() throws Exception {
        UUID customerId = UUID.randomUUID();
        createLead(customerId).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String created = envelope(UUID.randomUUID(), "customer.created", customerId, "Fresh Ltd", now);
        kafka.send(CUSTOMERS, customerId.toString(), created).get();
        kafka.send(CUSTOMERS, customerId.toString(), created).get();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> customerName(customerId) != null);
        createLead(customerId).andExpect(status().isCreated()).andExpect(jsonPath("$.customerName").value("Fresh Ltd"));
        assertThat(jdbc.sql("select count(*) from inbox_event where consumer = 'lead-service' and event_id = :id")
            .param("id", UUID.fromString(json.readTree(created).get("id").asString())).query(Long.class).single())
            .isEqualTo(1);
    }

    @Test
    void keepsTheNewestNameWhateverTheOrderAndLetsADeletionWin() throws Exception {
        UUID customerId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(envelope(UUID.randomUUID(), "customer.updated", customerId, "Newest", t0.plusSeconds(20))),
                send(envelope(UUID.randomUUID(), "customer.created", customerId, "Oldest", t0)),
                send(envelope(UUID.randomUUID(), "customer.updated", customerId, "Middle", t0.plusSeconds(10))));
        assertThat(customerName(customerId)).isEqualTo("Newest");

        UUID deleted = UUID.randomUUID();
        awaitApplied(send(envelope(UUID.randomUUID(), "customer.deleted", deleted, "Gone", t0)),
                send(envelope(UUID.randomUUID(), "customer.created", deleted, "Gone", t0.minusSeconds(5))),
                send(envelope(UUID.randomUUID(), "customer.updated", deleted, "Back?", t0.plusSeconds(5))));
        assertThat(customerName(deleted)).isEqualTo("Gone");
        createLead(deleted).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    private void awaitApplied(UUID... eventIds) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from inbox_event where consumer = 'lead-service' and event_id in (:ids)")
            .param("ids", List.of(eventIds)).query(Long.class).single() == eventIds.length);
    }

    @Test
    void publishesEachChangeOfALeadInOrderOnCrmLead() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer(TestNamespace.topic("crm.lead"))) {
            UUID customerId = Leads.customer(jdbc, "Events Ltd");
            JsonNode lead = Leads.create(mvc, json, as("manager"), customerId, "Evented", "99.5", "EUR", SALES);
            String id = lead.get("id").asString();
            mvc.perform(put("/api/v1/leads/" + id + "/status").with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED_LOST\",\"reason\":\"Price\"}"))
                .andExpect(status().isOk());
            mvc.perform(put("/api/v1/leads/" + id + "/assignee").with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"%s\"}".formatted(SALES2)))
                .andExpect(status().isOk());
            mvc.perform(put("/api/v1/leads/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Evented 2","source":"WEB","value":"1","currency":"EUR","version":2}"""))
                .andExpect(status().isOk());
            mvc.perform(delete("/api/v1/leads/" + id).with(as("admin"))).andExpect(status().isNoContent());

            List<JsonNode> received = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        received.add(json.readTree(record.value()));
                    }
                });
                return received.size() >= 6;
            });
            assertThat(received).extracting(event -> event.get("type").asString()).containsExactly("lead.created",
                    "lead.assigned", "lead.status-changed", "lead.assigned", "lead.updated", "lead.deleted");
            JsonNode created = received.get(0);
            assertThat(created.get("aggregateType").asString()).isEqualTo("lead");
            assertThat(created.get("producer").asString()).isEqualTo("lead-service");
            assertThat(created.get("payload").get("value").asString()).isEqualTo("99.50");
            assertThat(created.get("payload").get("customerId").asString()).isEqualTo(customerId.toString());
            JsonNode lost = received.get(2).get("payload");
            assertThat(lost.get("from").asString()).isEqualTo("NEW");
            assertThat(lost.get("to").asString()).isEqualTo("CLOSED_LOST");
            assertThat(lost.get("reason").asString()).isEqualTo("Price");
            JsonNode reassigned = received.get(3).get("payload");
            assertThat(reassigned.get("from").asString()).isEqualTo(SALES);
            assertThat(reassigned.get("assignee").asString()).isEqualTo(SALES2);
            assertThat(reassigned.get("assigneeName").asString()).isEqualTo("Other Seller");
        }
    }

    private ResultActions createLead(UUID customerId) throws Exception {
        return mvc.perform(post("/api/v1/leads").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"customerId":"%s","title":"Soon","source":"WEB","value":"1","currency":"EUR"}""".formatted(
                    customerId)));
    }

    private UUID send(String envelope) throws Exception {
        JsonNode event = json.readTree(envelope);
        kafka.send(CUSTOMERS, event.get("aggregateId").asString(), envelope).get();
        return UUID.fromString(event.get("id").asString());
    }

    private String customerName(UUID id) {
        return jdbc.sql("select name from customer where id = :id").param("id", id).query(String.class).optional()
            .orElse(null);
    }

    private String envelope(UUID eventId, String type, UUID customerId, String name, Instant occurredAt) {
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"),
                Map.entry("payload", Map.of("id", customerId, "name", name, "email", "x@example.com",
                        "futureField", true))));
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        return TopicReaders.fromTheStart(kafkaProperties.buildConsumerProperties(), topic);
    }
}

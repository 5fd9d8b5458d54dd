package org.opencrm.lead.events;

import static org.opencrm.lead.api.Leads.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** customer-service deletes softly: a restored customer takes leads again; a later deletion takes them away again. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class CustomerRestoredIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Test
    void aRestoredCustomerTakesLeadsAgain() throws Exception {
        UUID customerId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(customerId, "customer.created", t0, Map.of("id", customerId, "name", "Phoenix Ltd")),
                send(customerId, "customer.deleted", t0.plusSeconds(1), Map.of("id", customerId, "name", "Phoenix Ltd")));
        createLead(customerId).andExpect(status().isUnprocessableContent());

        awaitApplied(send(customerId, "customer.restored", t0.plusSeconds(2),
                Map.of("customerId", customerId, "name", "Phoenix Ltd")));
        createLead(customerId).andExpect(status().isCreated());

        awaitApplied(send(customerId, "customer.deleted", t0.plusSeconds(3), Map.of("id", customerId, "name", "Phoenix Ltd")));
        createLead(customerId).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aDeletionOlderThanTheRestoreArrivingLateIsIgnored() throws Exception {
        UUID customerId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(customerId, "customer.created", t0, Map.of("id", customerId, "name", "Lazarus Ltd")),
                send(customerId, "customer.restored", t0.plusSeconds(2),
                        Map.of("customerId", customerId, "name", "Lazarus Ltd")),
                send(customerId, "customer.deleted", t0.plusSeconds(1), Map.of("id", customerId, "name", "Lazarus Ltd")));
        createLead(customerId).andExpect(status().isCreated());
    }

    @Test
    void aRestoreOlderThanTheDeletionArrivingLateIsIgnored() throws Exception {
        UUID customerId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(customerId, "customer.created", t0, Map.of("id", customerId, "name", "Twice Ltd")),
                send(customerId, "customer.deleted", t0.plusSeconds(1), Map.of("id", customerId, "name", "Twice Ltd")),
                send(customerId, "customer.deleted", t0.plusSeconds(3), Map.of("id", customerId, "name", "Twice Ltd")),
                send(customerId, "customer.restored", t0.plusSeconds(2),
                        Map.of("customerId", customerId, "name", "Twice Ltd")));
        createLead(customerId).andExpect(status().isUnprocessableContent());
    }

    private ResultActions createLead(UUID customerId) throws Exception {
        return mvc.perform(post("/api/v1/leads").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"customerId":"%s","title":"Again","source":"WEB","value":"1","currency":"EUR"}""".formatted(
                    customerId)));
    }

    private void awaitApplied(UUID... eventIds) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from inbox_event where consumer = 'lead-service' and event_id in (:ids)")
            .param("ids", List.of(eventIds)).query(Long.class).single() == eventIds.length);
    }

    private UUID send(UUID customerId, String type, Instant occurredAt, Map<String, Object> payload) throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(CUSTOMERS, customerId.toString(), json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId),
                Map.entry("type", type), Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"), Map.entry("payload", payload))))
            .get();
        return eventId;
    }
}

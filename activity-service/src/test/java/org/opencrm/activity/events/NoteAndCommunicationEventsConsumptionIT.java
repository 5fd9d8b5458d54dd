package org.opencrm.activity.events;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** customer-service's note and communication events become lines of the customer's timeline, in order. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class NoteAndCommunicationEventsConsumptionIT {

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
    void putsNotesAndCommunicationsOnTheCustomersTimeline() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID noteId = UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        send(customerId, "customer.note-added", start, Map.of("customerId", customerId, "noteId", noteId,
                "authorId", "user-1", "authorName", "Sam Seller", "excerpt", "Wants a quote", "occurredAt",
                start.toString(), "futureField", 1));
        send(customerId, "customer.note-updated", start.plusMillis(1), Map.of("customerId", customerId, "noteId",
                noteId, "authorId", "user-1", "authorName", "Sam Seller", "excerpt", "Wants a quote by Friday"));
        send(customerId, "customer.communication-logged", start.plusMillis(2), Map.of("customerId", customerId,
                "communicationId", UUID.randomUUID(), "type", "CALL", "direction", "INBOUND", "subject", "Renewal",
                // logged now, about a call yesterday
                "occurredAt", start.minus(1, ChronoUnit.DAYS).toString(), "loggedBy", "user-1", "loggedByName",
                "Sam Seller"));
        send(customerId, "customer.note-deleted", start.plusMillis(3), Map.of("customerId", customerId, "noteId",
                noteId, "authorId", "user-1", "authorName", "Sam Seller", "excerpt", ""));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single() == 4);

        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_support"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].action").value("customer.note-deleted"))
            .andExpect(jsonPath("$.items[0].summary").value("Note deleted"))
            .andExpect(jsonPath("$.items[1].summary").value("Note updated: Wants a quote by Friday"))
            .andExpect(jsonPath("$.items[2].action").value("customer.note-added"))
            .andExpect(jsonPath("$.items[2].summary").value("Note added: Wants a quote"))
            // the call sits where it happened, a day before the notes
            .andExpect(jsonPath("$.items[3].summary").value("Inbound call logged: Renewal"))
            .andExpect(jsonPath("$.items[3].userName").value("Sam Seller"))
            .andExpect(jsonPath("$.items[3].timestamp").value(start.minus(1, ChronoUnit.DAYS).toString()));
    }

    private void send(UUID customerId, String type, Instant occurredAt, Map<String, Object> payload) throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(CUSTOMERS, customerId.toString(), json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId),
                Map.entry("type", type), Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"), Map.entry("payload", payload))))
            .get();
    }
}

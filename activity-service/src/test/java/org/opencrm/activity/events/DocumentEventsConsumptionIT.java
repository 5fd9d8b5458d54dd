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

/** customer.document-attached and customer.document-removed, as customer-service publishes them, on the timeline. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class DocumentEventsConsumptionIT {

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
    void putsAttachedAndRemovedDocumentsOnTheCustomersTimeline() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        Instant attachedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
        kafka.send(CUSTOMERS, customerId.toString(),
                envelope("customer.document-attached", customerId, documentId, attachedAt)).get();
        kafka.send(CUSTOMERS, customerId.toString(),
                envelope("customer.document-removed", customerId, documentId, attachedAt.plusSeconds(30))).get();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single() == 2);

        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_support"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].action").value("customer.document-removed"))
            .andExpect(jsonPath("$.items[0].summary").value("Document Angebot 2026.pdf removed"))
            .andExpect(jsonPath("$.items[1].action").value("customer.document-attached"))
            .andExpect(jsonPath("$.items[1].summary").value("Document Angebot 2026.pdf attached"))
            .andExpect(jsonPath("$.items[1].userName").value("Sam Seller"))
            .andExpect(jsonPath("$.items[1].timestamp").value(attachedAt.toString()));
    }

    private String envelope(String type, UUID customerId, UUID documentId, Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"),
                Map.entry("payload", Map.of("customerId", customerId, "documentId", documentId,
                        "filename", "Angebot 2026.pdf", "contentType", "application/pdf", "size", 1234,
                        "sha256", "ab".repeat(32), "actorId", "user-1", "actorName", "Sam Seller",
                        "occurredAt", occurredAt.toString()))));
    }
}

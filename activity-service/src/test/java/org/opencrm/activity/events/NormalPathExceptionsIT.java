package org.opencrm.activity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exceptions cost a stack walk each: none may be thrown while events are consumed and timelines read. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class NormalPathExceptionsIT {

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
    void consumesEventsAndReadsTimelinesWithoutThrowing() throws Exception {
        assertThat(ThrownExceptions.during(this::consumeAndRead)).isEmpty();
    }

    private void consumeAndRead() throws Exception {
        UUID customerId = UUID.randomUUID();
        for (String type : new String[] { "customer.created", "customer.updated", "customer.updated" }) {
            kafka.send(CUSTOMERS, customerId.toString(), envelope(type, customerId)).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single() == 3);
        JsonNode first = json.readTree(mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .param("size", "2").with(reader()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString()).param("size", "2")
            .param("cursor", first.get("nextCursor").asString()).with(reader())).andExpect(status().isOk());
        JsonNode feed = json.readTree(mvc.perform(get("/api/v1/activities").param("size", "1").with(reader()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        mvc.perform(get("/api/v1/activities").param("size", "1").param("cursor", feed.get("nextCursor").asString())
            .with(reader())).andExpect(status().isOk());
    }

    private static RequestPostProcessor reader() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_sales"));
    }

    private String envelope(String type, UUID customerId) {
        UUID eventId = UUID.randomUUID();
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1),
                Map.entry("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"),
                Map.entry("payload", Map.of("id", customerId, "name", "Ada", "email", "ada@example.com"))));
    }
}

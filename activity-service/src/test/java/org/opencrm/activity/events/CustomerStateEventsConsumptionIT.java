package org.opencrm.activity.events;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** customer.owner-changed and restored (payloads naming customerId) reach the customer's timeline. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class CustomerStateEventsConsumptionIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void putsOwnerChangesAndRestoresOnTheTimelineInOrder() throws Exception {
        UUID customerId = UUID.randomUUID();
        send(customerId, "customer.owner-changed", Map.of("customerId", customerId, "from", "user-1", "to", "user-2",
                "toName", "Sara Seller", "actorId", "user-9"));
        send(customerId, "customer.restored", Map.of("customerId", customerId, "name", "Ada Lovelace"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> summaries(customerId).size() == 2);
        assertThat(summaries(customerId)).containsExactly("Owner changed to Sara Seller",
                "Customer Ada Lovelace restored");
    }

    private void send(UUID customerId, String type, Map<String, Object> payload) throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(CUSTOMERS, customerId.toString(), json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId),
                Map.entry("type", type), Map.entry("version", 1),
                Map.entry("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-9"), Map.entry("actorName", "Max Manager"), Map.entry("payload", payload))))
            .get();
    }

    private List<String> summaries(UUID customerId) {
        return jdbc.sql("select summary from activity where customer_id = :id order by occurred_at, id")
            .param("id", customerId).query(String.class).list();
    }
}

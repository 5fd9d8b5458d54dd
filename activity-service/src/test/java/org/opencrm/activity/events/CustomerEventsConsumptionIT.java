package org.opencrm.activity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** Customer events from Kafka become timeline entries exactly once, however often they are delivered. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class CustomerEventsConsumptionIT {

    /** crm.customer and its dead letters, as this test JVM names them on the shared broker. */
    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    private static final String CUSTOMERS_DLT = TestNamespace.topic("crm.customer.dlt");

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

    @Autowired
    MeterRegistry meters;

    @Test
    void recordsACustomerCreatedEventOnceEvenWhenDeliveredTwice() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = envelope(eventId, "customer.created", customerId, "Ada Lovelace");

        kafka.send(CUSTOMERS, customerId.toString(), event).get();
        kafka.send(CUSTOMERS, customerId.toString(), event).get();
        UUID laterEvent = UUID.randomUUID();
        kafka.send(CUSTOMERS, customerId.toString(), envelope(laterEvent, "customer.updated", customerId, "Ada"))
            .get();

        // the later event on the same partition is applied only after both copies of the first were handled
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customerId) == 2);
        assertThat(jdbc.sql("select count(*) from activity where event_id = :id").param("id", eventId)
            .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id and consumer = 'activity-service'")
            .param("id", eventId).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_support"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].action").value("customer.updated"))
            .andExpect(jsonPath("$.items[1].action").value("customer.created"))
            .andExpect(jsonPath("$.items[1].userId").value("user-1"))
            .andExpect(jsonPath("$.items[1].userName").value("Sam Seller"))
            .andExpect(jsonPath("$.items[1].summary").value("Customer Ada Lovelace created"))
            .andExpect(jsonPath("$.items[1].correlationId").value("corr-" + eventId));
    }

    @Test
    void deadLettersOnlyRecordsThatCanNeverSucceedAndKeepsConsuming() throws Exception {
        try (KafkaConsumer<String, String> deadLetters = consumer(CUSTOMERS_DLT)) {
            String poisonKey = UUID.randomUUID().toString();
            UUID unknownVersion = UUID.randomUUID();
            kafka.send(CUSTOMERS, poisonKey, "{not json").get();
            kafka.send(CUSTOMERS, poisonKey, envelope(unknownVersion, "customer.created", UUID.randomUUID(), "V9")
                .replace("\"version\":1", "\"version\":9")).get();
            UUID customerId = UUID.randomUUID();
            kafka.send(CUSTOMERS, customerId.toString(),
                    envelope(UUID.randomUUID(), "customer.created", customerId, "After")).get();

            Map<String, ConsumerRecord<String, String>> parked = new HashMap<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (poisonKey.equals(record.key())) {
                        parked.put(record.value(), record);
                    }
                });
                return parked.size() == 2;
            });
            // the headers say where it came from and why
            ConsumerRecord<String, String> unreadable = parked.get("{not json");
            assertThat(header(unreadable, "kafka_dlt-original-topic")).isEqualTo(CUSTOMERS);
            assertThat(header(unreadable, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(UnprocessableEventException.class.getName());
            assertThat(header(unreadable, "crm-dlt-reason")).startsWith("unreadable event");
            assertThat(parked.values()).anySatisfy(record -> assertThat(header(record, "crm-dlt-reason"))
                .contains("cannot read version 9 of customer.created"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customerId) == 1);
            assertThat(meters.get("crm.events.dead.lettered").tag("topic", CUSTOMERS).counter().count())
                .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void ignoresEventTypesItDoesNotHandle() throws Exception {
        UUID customerId = UUID.randomUUID();
        kafka.send(CUSTOMERS, customerId.toString(),
                envelope(UUID.randomUUID(), "customer.merged", customerId, "X")).get();
        kafka.send(CUSTOMERS, customerId.toString(),
                envelope(UUID.randomUUID(), "customer.created", customerId, "Y")).get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customerId) == 1);
    }

    @Test
    void rejectsABadCursorWith400() throws Exception {
        mvc.perform(get("/api/v1/activities").param("cursor", "nonsense")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_sales"))))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/activities")).andExpect(status().isUnauthorized());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long activities(UUID customerId) {
        return jdbc.sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single();
    }

    private String envelope(UUID eventId, String type, UUID customerId, String name) {
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1),
                Map.entry("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()),
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

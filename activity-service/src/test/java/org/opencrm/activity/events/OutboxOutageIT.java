package org.opencrm.activity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.test.InterruptsInfrastructure;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay (the platform's, as every producing service runs it) publishes everything that was written
 * while Kafka was down once it is back, in order per aggregate, and a row that can never be published holds back
 * only its own aggregate, until it is parked and an operator releases it.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class OutboxOutageIT {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @Test
    @InterruptsInfrastructure
    void publishesWhatWasWrittenWhileKafkaWasDownInOrderPerAggregate() throws Exception {
        List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<String, List<UUID>> written = new HashMap<>();
        TestInfrastructure.interruptKafka();
        try {
            for (String type : List.of("customer.created", "customer.updated", "customer.deleted")) {
                for (UUID customer : customers) {
                    EventEnvelope event = write(customer, type, Map.of("id", customer, "name", "Kim"));
                    written.computeIfAbsent(customer.toString(), key -> new ArrayList<>()).add(event.id());
                }
            }
            // the relay tried, and Kafka's own timeouts (not the relay's) ended the attempt
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                    select count(*) from outbox_event where aggregate_id = :id and last_error is not null
                    """).param("id", customers.get(0).toString()).query(Long.class).single() > 0);
        }
        finally {
            TestInfrastructure.resumeKafka();
        }

        Map<String, List<UUID>> received = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (written.containsKey(record.key())) {
                        received.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(UUID.fromString(json.readTree(record.value()).get("id").asString()));
                    }
                });
                return received.values().stream().flatMap(List::stream).distinct().count() == 9;
            });
        }
        // nothing lost, each customer's events in the order they were written; none parked. A send that Kafka received
        // but answered only after the producer gave up is sent again: at least once, which the consumers' inboxes make
        // once (an event's repeat counts where it first came)
        assertThat(firstOfEach(received)).isEqualTo(written);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id in (:ids) and parked_at is not null")
            .param("ids", customers.stream().map(UUID::toString).toList()).query(Long.class).single()).isZero();
    }

    @Test
    void aRowThatKeepsFailingBlocksOnlyItsAggregateAndIsParked() {
        UUID blocked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        // larger than the producer's max.request.size (1 MB): Kafka refuses it every time
        EventEnvelope tooLarge = write(blocked, "customer.updated", Map.of("id", blocked, "name", "x".repeat(1_100_000)));
        EventEnvelope behind = write(blocked, "customer.deleted", Map.of("id", blocked, "name", "Lee"));
        EventEnvelope unrelated = write(other, "customer.created", Map.of("id", other, "name", "Max"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> published(unrelated));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select parked_at is not null and attempts = 3 from outbox_event where id = :id")
            .param("id", tooLarge.id()).query(Boolean.class).single());
        assertThat(jdbc.sql("select last_error from outbox_event where id = :id").param("id", tooLarge.id())
            .query(String.class).single()).contains("RecordTooLargeException");
        assertThat(published(behind)).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> meters.get("crm.outbox.parked").gauge().value() >= 1);

        // the operator gives up on the parked event (README: "Parked outbox rows"); the aggregate flows again
        jdbc.sql("""
                update outbox_event set published_at = now(), last_error = 'discarded by operator: ' || last_error
                where id = :id and parked_at is not null
                """).param("id", tooLarge.id()).update();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> published(behind));
    }

    private EventEnvelope write(UUID customer, String type, Map<String, Object> payload) {
        return transaction.execute(status -> outbox.append("customer", customer, type, payload));
    }

    private boolean published(EventEnvelope event) {
        return jdbc.sql("select published_at is not null from outbox_event where id = :id").param("id", event.id())
            .query(Boolean.class).single();
    }

    private KafkaConsumer<String, String> consumer() {
        return TopicReaders.fromTheStart(kafkaProperties.buildConsumerProperties(), TestNamespace.topic("crm.customer"));
    }

    private static Map<String, List<UUID>> firstOfEach(Map<String, List<UUID>> received) {
        Map<String, List<UUID>> first = new HashMap<>();
        received.forEach((key, events) -> first.put(key, events.stream().distinct().toList()));
        return first;
    }
}

package org.opencrm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventConsumerErrors;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventsProperties;
import org.opencrm.platform.test.KafkaEndpoint;
import org.opencrm.platform.test.PostgresEndpoint;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox listener's batches on a real Kafka and PostgreSQL: the container, the dispatcher and the platform's error
 * handler as every service wires them (a batch listener, offsets committed per batch). Events are produced before the
 * container starts, so its first poll holds them all.
 */
class InboundEventBatchIT {

    private static final String TYPE = "thing.happened";

    record Thing(String key, int n) {
    }

    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static KafkaEndpoint kafka;
    static final JsonMapper json = JsonMapper.builder().build();

    final String topic = "inbox-batch-it-" + UUID.randomUUID();
    final String consumer = "inbox-batch-it";
    final AtomicBoolean failOnceOnThree = new AtomicBoolean();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    KafkaTemplate<String, String> template;
    KafkaMessageListenerContainer<String, String> container;

    @BeforeAll
    static void database() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        DataSource dataSource = new DriverManagerDataSource(postgres.createDatabase("platform_inbox_it"),
                postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table if not exists applied_thing (seq bigserial primary key, key text not null, n int not null,"
                + " tx bigint not null)").update();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        kafka = TestInfrastructure.kafka();
    }

    @BeforeEach
    void topics() throws Exception {
        jdbc.sql("truncate applied_thing").update();
        jdbc.sql("delete from inbox_event where consumer = :consumer").param("consumer", consumer).update();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1),
                    new NewTopic(EventsProperties.deadLetterTopicOf(topic), 1, (short) 1))).all().get();
        }
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        template.destroy();
    }

    @Test
    void appliesABatchOnceInOrderAndDeadLettersOnlyItsPoisonRecord() {
        UUID duplicated = UUID.randomUUID();
        for (int n = 1; n <= 20; n++) {
            for (String key : List.of("a", "b", "c")) {
                UUID id = key.equals("a") && n == 5 ? duplicated : UUID.randomUUID();
                send(key, envelope(id, 1, new Thing(key, n)));
            }
            if (n == 7) {
                send("a", envelope(duplicated, 1, new Thing("a", 5))); // redelivered: applied once
                send("b", "{not an event"); // poison: dead-lettered, the others applied
                send("c", envelope(UUID.randomUUID(), 9, new Thing("c", 99))); // a version it cannot read
            }
        }
        start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appliedCount()).isEqualTo(60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committedLag()).isZero());
        for (String key : List.of("a", "b", "c")) {
            assertThat(jdbc.sql("select n from applied_thing where key = :key order by seq").param("key", key)
                .query(Integer.class).list()).as("key %s in order, each once", key)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        }
        List<ConsumerRecord<String, String>> deadLetters = deadLetters(2);
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("b", "c");
        assertThat(deadLetters).extracting(r -> header(r, EventConsumerErrors.REASON_HEADER))
            .anySatisfy(reason -> assertThat(reason).contains("cannot read version 9"));
        // as a record listener's dead letters said: the failure itself, not the batch's wrapper
        assertThat(deadLetters).extracting(r -> header(r, "kafka_dlt-exception-cause-fqcn"))
            .containsOnly(UnprocessableEventException.class.getName());
        // the poll's records shared transactions: fewer commits than events
        assertThat(jdbc.sql("select count(distinct tx) from applied_thing").query(Long.class).single())
            .isLessThan(60);
    }

    @Test
    void retriesATransientFailureWithoutLettingTheRecordsAfterItOvertakeIt() {
        failOnceOnThree.set(true);
        for (int n = 1; n <= 10; n++) {
            send("a", envelope(UUID.randomUUID(), 1, new Thing("a", n)));
        }
        start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appliedCount()).isEqualTo(10));
        assertThat(failOnceOnThree).isFalse();
        assertThat(jdbc.sql("select n from applied_thing order by seq").query(Integer.class).list())
            .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(deadLetters(0)).isEmpty();
    }

    @Test
    void measuresHowFarBehindItsProducersItAppliesTheEvents() {
        long aMinuteAgo = System.currentTimeMillis() - Duration.ofMinutes(1).toMillis();
        for (int n = 1; n <= 10; n++) {
            template.send(new ProducerRecord<>(topic, null, aMinuteAgo, "a",
                    envelope(UUID.randomUUID(), 1, new Thing("a", n)))).join();
        }
        start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appliedCount()).isEqualTo(10));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Timer delay = meters.get("crm.events.applied.delay").tag("consumer", consumer).timer();
            assertThat(delay.count()).isEqualTo(10);
            assertThat(delay.max(java.util.concurrent.TimeUnit.SECONDS)).isBetween(60.0, 120.0);
            DistributionSummary batches = meters.get("crm.events.batch.size").tag("consumer", consumer).summary();
            assertThat(batches.totalAmount()).isEqualTo(10);
            assertThat(meters.get("crm.events.batch").tag("consumer", consumer).timer().count())
                .isEqualTo(batches.count());
        });
    }

    @Test
    void appliesEventsTogetherEachOnceInTheirOrderWithOneInboxStatement() {
        InboundEventDispatcher dispatcher = new InboundEventDispatcher(List.of(handler()), new Inbox(jdbc),
                transaction, json, consumer);
        UUID twice = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        assertThat(dispatcher.dispatchTogether(List.of(envelope(before, 1, new Thing("a", 1))))).isEqualTo(1);

        List<String> events = List.of(envelope(twice, 1, new Thing("a", 2)),
                envelope(before, 1, new Thing("a", 1)), // applied by the batch before
                envelope(UUID.randomUUID(), 1, new Thing("a", 3)),
                json.writeValueAsString(new EventEnvelope(UUID.randomUUID(), "other.type", 1, Instant.now(), "thing",
                        "a", "inbox-batch-it", null, null, null, null, json.valueToTree(new Thing("a", 99)))),
                envelope(twice, 1, new Thing("a", 2)), // the same event again in the same batch
                envelope(UUID.randomUUID(), 1, new Thing("a", 4)));

        assertThat(dispatcher.dispatchTogether(events)).isEqualTo(3);
        assertThat(jdbc.sql("select n from applied_thing order by seq").query(Integer.class).list())
            .containsExactly(1, 2, 3, 4);
        assertThat(jdbc.sql("select count(*) from inbox_event where consumer = :consumer").param("consumer", consumer)
            .query(Long.class).single()).isEqualTo(4);
        // the second batch: one transaction
        assertThat(jdbc.sql("select count(distinct tx) from applied_thing where n > 1").query(Long.class).single())
            .isEqualTo(1);
    }

    private void start() {
        InboundEventDispatcher dispatcher = new InboundEventDispatcher(List.of(handler()), new Inbox(jdbc), transaction,
                json, consumer, new TraceContextCarrier(Tracer.NOOP, Propagator.NOOP), meters);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(consumer + "-" + topic);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener((BatchMessageListener<String, String>) dispatcher::dispatchAll);
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumerConfig()),
                properties);
        container.setCommonErrorHandler(EventConsumerErrors.errorHandler(template,
                new EventsProperties.Retry(Duration.ofMillis(100), Duration.ofSeconds(1)), meters));
        container.start();
    }

    /** Records each thing it applies with its transaction; fails once on the third when told to. */
    private InboundEventHandler<Thing> handler() {
        return new InboundEventHandler<>() {

            @Override
            public String eventType() {
                return TYPE;
            }

            @Override
            public Class<Thing> payloadType() {
                return Thing.class;
            }

            @Override
            public void handle(EventEnvelope envelope, Thing thing) {
                jdbc.sql("insert into applied_thing (key, n, tx) values (:key, :n, txid_current())")
                    .param("key", thing.key()).param("n", thing.n()).update();
                if (thing.n() == 3 && failOnceOnThree.compareAndSet(true, false)) {
                    throw new IllegalStateException("the database went away for a moment");
                }
            }
        };
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }

    private void send(String key, String value) {
        template.send(topic, key, value).join();
    }

    private static String envelope(UUID id, int version, Thing thing) {
        return json.writeValueAsString(new EventEnvelope(id, TYPE, version, Instant.now(), "thing", thing.key(),
                "inbox-batch-it", null, null, null, null, json.valueToTree(thing)));
    }

    private long appliedCount() {
        return jdbc.sql("select count(*) from applied_thing").query(Long.class).single();
    }

    /** Records not yet acknowledged by the group: its committed offsets against the partitions' ends. */
    private long committedLag() {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                committed = admin.listConsumerGroupOffsets(consumer + "-" + topic).partitionsToOffsetAndMetadata()
                    .get();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return partitions.stream().mapToLong(p -> {
                OffsetAndMetadata offset = committed.get(p);
                return ends.get(p) - (offset == null ? 0 : offset.offset());
            }).sum();
        }
    }

    private List<ConsumerRecord<String, String>> deadLetters(int expected) {
        String deadLetterTopic = EventsProperties.deadLetterTopicOf(topic);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerConfig())) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long until = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 2 : 20).toNanos();
            while (System.nanoTime() < until && (expected == 0 || received.size() < expected)) {
                reader.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

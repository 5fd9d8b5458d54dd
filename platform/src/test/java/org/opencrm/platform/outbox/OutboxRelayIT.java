package org.opencrm.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.DeferredInserts;
import org.opencrm.platform.test.KafkaEndpoint;
import org.opencrm.platform.test.PostgresEndpoint;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.TopicReaders;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's fast path on a real PostgreSQL and Kafka: what a transaction claimed as it wrote is sent once it
 * commits, without a claim; what it could not claim follows its aggregate's earlier events. The relay polls once an
 * hour here, so nothing below is published by the periodic claim.
 */
class OutboxRelayIT {

    record Thing(int n) {
    }

    static DataSource dataSource;
    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static KafkaEndpoint kafka;
    static final JsonMapper json = JsonMapper.builder().build();

    final String prefix = "relay-it-" + UUID.randomUUID() + ".";
    final OutboxProperties properties = new OutboxProperties(Duration.ofHours(1), 100, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofDays(7));
    final TraceContextCarrier traceContext = new TraceContextCarrier(Tracer.NOOP, Propagator.NOOP);
    KafkaTemplate<String, String> template;
    OutboxRelay relay;
    OutboxWriter writer;
    KafkaConsumer<String, String> topic;

    @BeforeAll
    static void database() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        dataSource = new DriverManagerDataSource(postgres.createDatabase("platform_outbox_relay"),
                postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        kafka = TestInfrastructure.kafka();
    }

    @BeforeEach
    void relay() throws Exception {
        jdbc.sql("delete from outbox_event").update();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "crm.thing", 3, (short) 1))).all().get();
        }
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        relay = OutboxRelay.create(jdbc, transaction, template, traceContext, json, properties, "relay-it",
                new SimpleMeterRegistry(), prefix);
        writer = new OutboxWriter(new DeferredInserts(jdbc), json, traceContext, relay, properties, "relay-it",
                Clock.systemUTC());
        topic = TopicReaders.fromTheStart(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                prefix + "crm.thing");
    }

    @AfterEach
    void stop() {
        relay.stop();
        topic.close();
        template.destroy();
    }

    @Test
    void sendsWhatATransactionClaimedAsItWroteOnceItCommitsWithoutAClaim() throws Exception {
        relay.start();
        String aggregate = UUID.randomUUID().toString();
        // a claim would wait for this lock (it serialises the claims of a service's instances)
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ("outbox-relay:relay-it").hashCode());
            lock.execute();

            UUID event = write(aggregate, 1);

            assertThat(received(1)).extracting(ConsumerRecord::key).containsExactly(aggregate);
            await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(event));
            assertThat(claimedUntil(event)).isNull();
        }
    }

    @Test
    void claimsAnEventAsItIsWrittenOnlyWhenNothingOfItsAggregateWaitsBeforeIt() {
        String aggregate = UUID.randomUUID().toString();
        List<Instant> claims = transaction.execute(status -> {
            List<Instant> claimedUntil = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                claimedUntil.add(claimedUntil(append(aggregate, n)));
            }
            // another aggregate, and this one behind a row from an earlier transaction
            claimedUntil.add(claimedUntil(append(UUID.randomUUID().toString(), 3)));
            return claimedUntil;
        });
        UUID behind = write(aggregate, 4);

        assertThat(claims.get(0)).isAfter(Instant.now().plusSeconds(30));
        assertThat(claims.get(1)).isNull();
        assertThat(claims.get(2)).isNotNull();
        assertThat(claimedUntil(behind)).isNull();
    }

    @Test
    void anEventBehindAnotherOfItsAggregateFollowsItInOrder() {
        relay.start();
        String aggregate = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            for (int n = 1; n <= 3; n++) {
                append(aggregate, n);
            }
        });
        write(aggregate, 4);

        assertThat(received(4)).extracting(record -> json.readTree(record.value()).get("payload").get("n").asInt())
            .containsExactly(1, 2, 3, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from outbox_event where published_at is null").query(Long.class).single() == 0);
    }

    @Test
    void givesBackWhatItClaimedButDidNotSendWhenItStops() {
        UUID event = write(UUID.randomUUID().toString(), 1);
        assertThat(claimedUntil(event)).isNotNull();

        relay.stop();

        assertThat(claimedUntil(event)).isNull();
        assertThat(isPublished(event)).isFalse();
    }

    private UUID write(String aggregate, int n) {
        return transaction.execute(status -> append(aggregate, n));
    }

    private UUID append(String aggregate, int n) {
        return writer.append("thing", aggregate, "thing.happened", new Thing(n)).id();
    }

    private Instant claimedUntil(UUID event) {
        return jdbc.sql("select claimed_until from outbox_event where id = :id").param("id", event)
            .query((rs, rowNum) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single()
            .orElse(null);
    }

    private boolean isPublished(UUID event) {
        return jdbc.sql("select published_at is not null from outbox_event where id = :id").param("id", event)
            .query(Boolean.class).single();
    }

    private List<ConsumerRecord<String, String>> received(int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            topic.poll(Duration.ofMillis(100)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }
}

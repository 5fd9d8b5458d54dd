package org.opencrm.activity.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.tools.ToolProvider;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.inbox.InboxCleaner;
import org.opencrm.platform.inbox.ReadModelReplay;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.platform.test.TopicReaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer waits out a database outage in order instead of dead-lettering, exposes its health as metrics, lets
 * an operator list and replay dead letters, and can reset its read model for a replay.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class ConsumerOutageIT {

    /** crm.customer and its dead letters, as this test JVM names them on the shared broker. */
    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    private static final String CUSTOMERS_DLT = TestNamespace.topic("crm.customer.dlt");

    /** The old error handler gave up after 4 tries in ~3 s (plus one connection timeout per try). */
    static final Duration OUTAGE = Duration.ofSeconds(10);

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
    ReadModelReplay replay;

    @Autowired
    InboxCleaner inboxCleaner;

    @Value("${crm.project.root}")
    Path projectRoot;

    private static Method deadLettersRun;

    @Test
    void waitsOutADatabaseOutageAppliesEverythingOnceAndInOrder() throws Exception {
        List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> events = new ArrayList<>();
        TestInfrastructure.interruptPostgres();
        try {
            // interleaved: three events of each customer, in order per customer
            for (String type : List.of("customer.created", "customer.updated", "customer.deleted")) {
                for (UUID customer : customers) {
                    UUID event = UUID.randomUUID();
                    events.add(event);
                    kafka.send(CUSTOMERS, customer.toString(), envelope(event, type, customer)).get();
                }
            }
            // the outage outlasts the old retry window; meanwhile nothing may reach the dead-letter topic
            try (KafkaConsumer<String, String> deadLetters = consumer(CUSTOMERS_DLT)) {
                Awaitility.await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> {
                    for (var record : deadLetters.poll(Duration.ofMillis(200))) {
                        if (customers.stream().anyMatch(customer -> customer.toString().equals(record.key()))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
        }
        finally {
            TestInfrastructure.resumePostgres();
        }

        // the test's own queries wait for the connection pool to recover, as the consumer does
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> applied(events) == events.size());
        for (UUID customer : customers) {
            // the order in which the events were applied: inbox rows by transaction id, then by their clock time
            // within it (a transaction applies a poll's events)
            List<String> types = jdbc.sql("""
                    select i.type from inbox_event i join activity a on a.event_id = i.event_id
                    where i.consumer = 'activity-service' and a.customer_id = :customer
                    order by i.xmin::text::bigint, i.received_at
                    """).param("customer", customer).query(String.class).list();
            assertThat(types).containsExactly("customer.created", "customer.updated", "customer.deleted");
        }
        assertThat(jdbc.sql("select count(*) from activity where event_id in (:ids)").param("ids", events)
            .query(Long.class).single()).isEqualTo(events.size());
    }

    @Test
    void exposesOutboxDeadLetterAndConsumerLagMetrics() throws Exception {
        UUID customer = UUID.randomUUID();
        kafka.send(CUSTOMERS, customer.toString(), envelope(UUID.randomUUID(), "customer.created", customer))
            .get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customer) == 1);
        kafka.send(CUSTOMERS, customer.toString(), "not an event").get();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
            .contains("crm_outbox_oldest_unpublished_age_seconds", "crm_outbox_parked ", "crm_outbox_unpublished",
                    "crm_events_dead_lettered_total{", "kafka_consumer_fetch_manager_records_lag_max"));
    }

    @Test
    void replayResetsTheInboxTogetherWithTheReadModel() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String created = envelope(event, "customer.created", customer);
        kafka.send(CUSTOMERS, customer.toString(), created).get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customer) == 1);

        assertThat(replay.reset()).isPositive();
        assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from inbox_event where consumer = 'activity-service'")
            .query(Long.class).single()).isZero();

        // what a replay redelivers applies again, exactly once
        kafka.send(CUSTOMERS, customer.toString(), created).get();
        kafka.send(CUSTOMERS, customer.toString(), created).get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activities(customer) == 1);
    }

    @Test
    void forgetsAppliedEventsOnlyBeyondTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.sql("""
                insert into inbox_event (consumer, event_id, type, received_at)
                values ('activity-service', :old, 'customer.created', now() - interval '31 days'),
                       ('activity-service', :recent, 'customer.created', now() - interval '29 days')
                """).param("old", old).param("recent", recent).update();

        assertThat(inboxCleaner.deleteBeyondRetention()).isPositive();
        assertThat(jdbc.sql("select event_id from inbox_event where event_id in (:ids)")
            .param("ids", List.of(old, recent)).query(UUID.class).list()).containsExactly(recent);
    }

    @Test
    void listsDeadLettersAndReplaysTheChosenOnesWithTheTool() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        // a customer.created that this consumer's version cannot read yet: dead-lettered
        String tooNew = envelope(event, "customer.created", customer).replace("\"version\":1", "\"version\":2");
        kafka.send(CUSTOMERS, customer.toString(), tooNew).get();
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(tool("list")).contains(customer.toString()));
        String line = tool("list").lines().filter(l -> l.contains(customer.toString())).findFirst().orElseThrow();
        assertThat(line).startsWith(CUSTOMERS_DLT).contains("customer.created", "UnprocessableEventException",
                "cannot read version 2");

        // once the record is fixed upstream (here: the same record, the version the consumer knows), replay it
        String[] columns = line.trim().split("\\s+");
        String position = columns[1] + ":" + columns[2];
        assertThat(tool("replay", CUSTOMERS, position)).contains("-> " + CUSTOMERS);
        // replayed as it was, it fails again the same way: still not applied, and dead-lettered once more
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> tool("list").lines().filter(l -> l.contains(customer.toString())).count() == 2);
        assertThat(activities(customer)).isZero();
    }

    /** Runs infra/tools/DeadLetters.java, compiled once, in this JVM: its output only, not the service's logs. */
    private String tool(String... args) throws Exception {
        Method run = deadLettersTool();
        List<String> arguments = new ArrayList<>(List.of("--bootstrap", TestInfrastructure.kafka().bootstrapServers()));
        arguments.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = (int) run.invoke(null, arguments.toArray(String[]::new), new PrintStream(out, true, UTF_8),
                new PrintStream(out, true, UTF_8));
        String text = out.toString(UTF_8);
        assertThat(status).as(text).isZero();
        return text;
    }

    private Method deadLettersTool() throws Exception {
        if (deadLettersRun == null) {
            Path classes = Files.createTempDirectory("dead-letters");
            int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path"),
                    projectRoot.resolve("infra/tools/DeadLetters.java").toString());
            assertThat(compiled).isZero();
            URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                    getClass().getClassLoader());
            deadLettersRun = loader.loadClass("DeadLetters").getMethod("run", String[].class, PrintStream.class,
                    PrintStream.class);
        }
        return deadLettersRun;
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_admin"))))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    }

    private long applied(List<UUID> events) {
        return jdbc.sql("select count(*) from inbox_event where consumer = 'activity-service' and event_id in (:ids)")
            .param("ids", events).query(Long.class).single();
    }

    private long activities(UUID customerId) {
        return jdbc.sql("select count(*) from activity where customer_id = :id").param("id", customerId)
            .query(Long.class).single();
    }

    private String envelope(UUID eventId, String type, UUID customerId) {
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1),
                Map.entry("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "user-1"), Map.entry("actorName", "Sam Seller"),
                Map.entry("payload", Map.of("id", customerId, "name", "Grace"))));
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        return TopicReaders.fromTheStart(kafkaProperties.buildConsumerProperties(), topic);
    }
}

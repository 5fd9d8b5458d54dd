package org.opencrm.activity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.activity.ActivityServiceApplication;
import org.opencrm.activity.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service (this test's context and a second one on the same database and broker) run the due
 * job every 200 ms: each follow-up that falls due is announced exactly once, and its timeline entry appears once.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class FollowUpDueIT {

    private static final int ALREADY_DUE = 30;

    private static final int DUE_SOON = 10;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Test
    void twoInstancesAnnounceEachDueFollowUpOnce() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            assertThat(second.isActive()).isTrue();
            UUID customer = new Fixtures(jdbc, json).customer("Acme");
            Instant now = Instant.now();
            List<UUID> followUps = new ArrayList<>();
            for (int i = 0; i < ALREADY_DUE; i++) {
                followUps.add(insert(customer, "Overdue " + i, now.minusSeconds(60 + i)));
            }
            for (int i = 0; i < DUE_SOON; i++) {
                followUps.add(insert(customer, "Soon " + i, now.plusMillis(500 + 100L * i)));
            }
            UUID notDue = insert(customer, "Tomorrow", now.plus(1, ChronoUnit.DAYS));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> announced(customer) == followUps.size());
            OffsetDateTime allAnnounced = jdbc.sql("select now()").query(OffsetDateTime.class).single();
            // both instances keep running the job: once it has run again, nothing may have been announced twice
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("select locked_at from shedlock where name = 'follow-up-due'").query(OffsetDateTime.class)
                .optional().filter(lockedAt -> lockedAt.isAfter(allAnnounced.plusSeconds(1))).isPresent());

            List<Map<String, Object>> perFollowUp = jdbc.sql("""
                    select aggregate_id, count(*) as announcements from outbox_event
                    where type = 'follow-up.due' and aggregate_id in (:ids) group by aggregate_id""")
                .param("ids", followUps.stream().map(UUID::toString).toList()).query().listOfRows();
            assertThat(perFollowUp).hasSize(followUps.size());
            assertThat(perFollowUp).allSatisfy(row -> assertThat(((Number) row.get("announcements")).intValue())
                .isEqualTo(1));
            assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id = :id")
                .param("id", notDue.toString()).query(Long.class).single()).isZero();
            for (UUID soon : followUps.subList(ALREADY_DUE, followUps.size())) {
                OffsetDateTime[] times = jdbc.sql("select due_at, due_published_at from follow_up where id = :id")
                    .param("id", soon).query((rs, n) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
                            rs.getObject(2, OffsetDateTime.class) })
                    .single();
                assertThat(times[1]).as("announced at its due time, not before").isAfterOrEqualTo(times[0]);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select count(*) from activity where customer_id = :customer and action = 'follow-up.due'""")
                .param("customer", customer).query(Long.class).single() == followUps.size());
            assertThat(jdbc.sql("""
                    select count(distinct summary) from activity
                    where customer_id = :customer and action = 'follow-up.due'""")
                .param("customer", customer).query(Long.class).single()).isEqualTo(followUps.size());
        }
    }

    private long announced(UUID customer) {
        return jdbc.sql("select count(*) from follow_up where customer_id = :c and due_published_at is not null")
            .param("c", customer).query(Long.class).single();
    }

    private UUID insert(UUID customer, String title, Instant dueAt) {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into follow_up (id, customer_id, title, due_at, assignee, assignee_name, status, created_by,
                                       created_at, updated_at, version)
                values (:id, :customer, :title, :due, 'sales-1', 'Sam Seller', 'OPEN', 'sales-1', :created, :created, 0)""")
            .param("id", id).param("customer", customer).param("title", title)
            .param("due", dueAt.atOffset(ZoneOffset.UTC)).param("created", created).update();
        return id;
    }

    /** The same application on this test's database, broker and topics, as a second replica would run. */
    private ConfigurableApplicationContext secondInstance() {
        List<String> properties = new ArrayList<>(List.of(
                "spring.application.name=activity-service",
                "spring.cloud.config.enabled=false",
                "eureka.client.enabled=false",
                "spring.config.import=optional:file:${crm.project.root}/config-repo/application.yml,"
                        + "optional:file:${crm.project.root}/config-repo/activity-service.yml,"
                        + "optional:file:${crm.project.root}/config-repo/services.yml",
                "server.port=0",
                "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka=WARN",
                "crm.follow-ups.due.interval=200ms"));
        for (String shared : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.kafka.bootstrap-servers", "crm.events.topic-prefix")) {
            properties.add(shared + "=" + environment.getProperty(shared, ""));
        }
        return new SpringApplicationBuilder(ActivityServiceApplication.class)
            .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}

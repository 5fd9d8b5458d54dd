package org.opencrm.activity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.activity.support.Fixtures.as;
import static org.opencrm.activity.support.Fixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.activity.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * customer.purged erases the customer here: its timeline, its follow-ups and its leads' titles; an event about it
 * that arrives afterwards records nothing. Other customers keep theirs.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class CustomerErasureIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");
    private static final String LEADS = TestNamespace.topic("crm.lead");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    Fixtures fixtures;

    String manager;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(jdbc, json);
        manager = unique("manager");
    }

    @Test
    void erasesThePurgedCustomersTimelineFollowUpsAndLeadsAndKeepsOthers() throws Exception {
        UUID purged = fixtures.customer("Ada Lovelace");
        UUID kept = fixtures.customer("Grace Hopper");
        UUID lead = UUID.randomUUID();
        for (UUID customer : new UUID[] {purged, kept}) {
            send(CUSTOMERS, customer, "customer.note-added", "customer", customer,
                    Map.of("customerId", customer, "noteId", UUID.randomUUID(), "excerpt", "Wants a quote"));
            followUp(customer);
        }
        send(LEADS, lead, "lead.created", "lead", lead, Map.of("leadId", lead, "customerId", purged, "title", "Renewal"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entries(purged) == 3 && entries(kept) == 2);
        assertThat(count("select count(*) from known_lead where customer_id = :id", purged)).isOne();

        String purge = send(CUSTOMERS, purged, "customer.purged", "customer", purged, Map.of("customerId", purged));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processed(purge));

        assertThat(entries(purged)).isZero();
        assertThat(followUps(purged)).isZero();
        assertThat(count("select count(*) from known_lead where customer_id = :id", purged)).isZero();
        assertThat(count("select count(*) from known_customer where id = :id and name is null and deleted", purged))
            .isOne();
        mvc.perform(get("/api/v1/customers/{id}/timeline", purged).with(as(manager, "manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(0));
        // another customer's timeline and follow-up are untouched
        assertThat(entries(kept)).isEqualTo(2);
        assertThat(followUps(kept)).isOne();

        // what was still under way (lead-service deleting the customer's leads, a late note) records nothing,
        // and a redelivered purge changes nothing
        String late = send(LEADS, lead, "lead.deleted", "lead", lead,
                Map.of("leadId", lead, "customerId", purged, "title", "Renewal"));
        String lateNote = send(CUSTOMERS, purged, "customer.note-added", "customer", purged,
                Map.of("customerId", purged, "noteId", UUID.randomUUID(), "excerpt", "Too late"));
        kafka.send(CUSTOMERS, purged.toString(), purge).get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processed(late) && processed(lateNote));
        assertThat(entries(purged)).isZero();
        assertThat(count("select count(*) from known_lead where customer_id = :id", purged)).isZero();
        // and no follow-up can be planned for it
        mvc.perform(post("/api/v1/follow-ups").with(as(manager, "manager")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("customerId", purged, "title", "Call", "dueAt", tomorrow()))))
            .andExpect(status().isUnprocessableContent());
    }

    private void followUp(UUID customer) throws Exception {
        mvc.perform(post("/api/v1/follow-ups").with(as(manager, "manager")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("customerId", customer, "title", "Call back", "dueAt",
                        tomorrow()))))
            .andExpect(status().isCreated());
    }

    private static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Sends the event and returns its envelope (whose id tells when it was processed). */
    private String send(String topic, UUID key, String type, String aggregateType, UUID aggregateId,
            Map<String, Object> payload) throws Exception {
        String envelope = fixtures.envelope(type, aggregateType, aggregateId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), manager, payload);
        kafka.send(topic, key.toString(), envelope).get();
        return envelope;
    }

    private boolean processed(String envelope) {
        UUID id = UUID.fromString(json.readTree(envelope).get("id").asString());
        return jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", id).query(Long.class)
            .single() > 0;
    }

    private long entries(UUID customer) {
        return count("select count(*) from activity where customer_id = :id", customer);
    }

    private long followUps(UUID customer) {
        return count("select count(*) from follow_up where customer_id = :id", customer);
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}

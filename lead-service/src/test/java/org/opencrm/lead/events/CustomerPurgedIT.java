package org.opencrm.lead.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.lead.api.Leads.SALES;
import static org.opencrm.lead.api.Leads.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.lead.api.Leads;
import org.opencrm.lead.domain.BoardTotals;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * customer.purged erases the customer here: its leads with everything hanging off them (one lead.deleted each, by the
 * system), the board's totals follow, the copy keeps the id alone, and nothing brings the customer back.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class CustomerPurgedIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    private static final int BULK_LEADS = 2_000;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    BoardTotals totals;

    @Test
    void purgeRemovesTheCustomersLeadsWithAllThatHangsOffThemAndARedeliveryDoesNothingMore() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID bystander = Leads.customer(jdbc, "Bystander Ltd");
        String assignee = "purge-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(customerId, "customer.created", t0, Map.of("id", customerId, "name", "Erase Me Ltd")));

        JsonNode viaApi = Leads.create(mvc, json, as("manager"), customerId, "Erase me", "120.50", "EUR", SALES);
        String viaApiId = viaApi.get("id").asString();
        mvc.perform(put("/api/v1/leads/" + viaApiId + "/status").with(as("manager"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\"}")).andExpect(status().isOk());
        String kept = Leads.create(mvc, json, as("manager"), bystander, "Keep me", "5", "EUR", SALES).get("id")
            .asString();
        jdbc.sql("""
                insert into lead (id, customer_id, title, source, value, currency, status, assigned_to, assignee_name,
                                  created_at, updated_at, version)
                select gen_random_uuid(), :customerId, 'Bulk ' || n, 'WEB', n, 'EUR',
                       case when n % 2 = 0 then 'NEW' else 'CLOSED_WON' end, :assignee, 'Purge Seller', now(), now(), 0
                from generate_series(1, :count) n
                """).param("customerId", customerId).param("assignee", assignee).param("count", BULK_LEADS).update();
        jdbc.sql("""
                insert into lead_score_history (lead_id, score, rule_set_version, computed_at)
                select id, 50, 'test', now() from lead where customer_id = :customerId
                """).param("customerId", customerId).update();
        Set<String> leadIds = new HashSet<>(jdbc.sql("select id::text from lead where customer_id = :id")
            .param("id", customerId).query(String.class).list());
        assertThat(leadIds).hasSize(BULK_LEADS + 1);
        assertThat(hanging(customerId, "field_change", "aggregate_id")).isPositive();
        assertThat(boardCount(assignee)).isEqualTo(BULK_LEADS);

        UUID purge = send(customerId, "customer.purged", t0.plusSeconds(1), Map.of("customerId", customerId));
        awaitApplied(purge);

        assertThat(jdbc.sql("select count(*) from lead where customer_id = :id").param("id", customerId)
            .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from lead where id = cast(:id as uuid)").param("id", kept)
            .query(Long.class).single()).isOne();
        for (String table : List.of("lead_score", "lead_score_history", "lead_score_due", "lead_assignment")) {
            assertThat(hanging(leadIds, table, "lead_id")).as(table).isZero();
        }
        assertThat(hanging(leadIds, "field_change", "aggregate_id")).isZero();
        assertThat(boardCount(assignee)).isZero();
        assertThat(boardValue(assignee)).isEqualByComparingTo(BigDecimal.ZERO);
        totals.fold();
        assertThat(boardCount(assignee)).isZero();

        List<JsonNode> deletions = leadDeletedEvents(customerId);
        assertThat(deletions).hasSize(BULK_LEADS + 1);
        assertThat(deletions).extracting(event -> event.get("aggregateId").asString())
            .containsExactlyInAnyOrderElementsOf(leadIds);
        assertThat(deletions).allSatisfy(event -> assertThat(event.get("actor").asString()).isEqualTo("system"));
        JsonNode deleted = deletions.stream()
            .filter(event -> event.get("aggregateId").asString().equals(viaApiId)).findFirst().orElseThrow();
        assertThat(deleted.get("payload").get("title").asString()).isEqualTo("Erase me");
        assertThat(deleted.get("payload").get("customerId").asString()).isEqualTo(customerId.toString());

        assertThat(jdbc.sql("select name from customer where id = :id").param("id", customerId).query(String.class)
            .single()).isEmpty();
        assertThat(jdbc.sql("select count(*) from customer_signal where customer_id = :id").param("id", customerId)
            .query(Long.class).single()).isZero();

        // the same event redelivered, a second purge, late facts and a late restore change nothing (one partition: in
        // order); a lead for the customer is refused
        send(purge, customerId, "customer.purged", t0.plusSeconds(1), Map.of("customerId", customerId));
        awaitApplied(send(customerId, "customer.purged", t0.plusSeconds(2), Map.of("customerId", customerId)),
                send(customerId, "customer.updated", t0.plusSeconds(3), Map.of("id", customerId, "name", "Back?")),
                send(customerId, "customer.restored", t0.plusSeconds(4),
                        Map.of("customerId", customerId, "name", "Back?")));
        assertThat(leadDeletedEvents(customerId)).hasSize(BULK_LEADS + 1);
        assertThat(jdbc.sql("select name from customer where id = :id").param("id", customerId).query(String.class)
            .single()).isEmpty();
        createLead(customerId).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void aPurgeOfACustomerNeverHeardOfLeavesATombstoneThatRefusesLeads() throws Exception {
        UUID customerId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        awaitApplied(send(customerId, "customer.purged", t0, Map.of("customerId", customerId)),
                send(customerId, "customer.created", t0.minusSeconds(60), Map.of("id", customerId, "name", "Late")));
        createLead(customerId).andExpect(status().isUnprocessableContent());
        assertThat(leadDeletedEvents(customerId)).isEmpty();
    }

    private List<JsonNode> leadDeletedEvents(UUID customerId) {
        return jdbc.sql("""
                select payload::text from outbox_event
                where type = 'lead.deleted' and payload -> 'payload' ->> 'customerId' = :customerId
                """).param("customerId", customerId.toString()).query(String.class).list().stream()
            .map(json::readTree).toList();
    }

    private long hanging(Set<String> leadIds, String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column + "::text in (:ids)")
            .param("ids", List.copyOf(leadIds)).query(Long.class).single();
    }

    private long hanging(UUID customerId, String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column
                + " in (select id from lead where customer_id = :id)").param("id", customerId).query(Long.class)
            .single();
    }

    /** The assignee's board count over all statuses: kept totals plus the deltas not folded yet. */
    private long boardCount(String assignee) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from (
                    select count from lead_board_total where assignee = :a and source = ''
                    union all select count from lead_board_delta where assignee = :a and source = '') t
                """).param("a", assignee).query(Long.class).single();
    }

    private BigDecimal boardValue(String assignee) {
        return jdbc.sql("""
                select coalesce(sum(value), 0) from (
                    select value from lead_board_total where assignee = :a and source = ''
                    union all select value from lead_board_delta where assignee = :a and source = '') t
                """).param("a", assignee).query(BigDecimal.class).single();
    }

    private ResultActions createLead(UUID customerId) throws Exception {
        return mvc.perform(post("/api/v1/leads").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"customerId":"%s","title":"After","source":"WEB","value":"1","currency":"EUR"}""".formatted(
                    customerId)));
    }

    private void awaitApplied(UUID... eventIds) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from inbox_event where consumer = 'lead-service' and event_id in (:ids)")
            .param("ids", List.of(eventIds)).query(Long.class).single() == eventIds.length);
    }

    /** As customer-service's purge job sends it: the system is its actor. */
    private UUID send(UUID customerId, String type, Instant occurredAt, Map<String, Object> payload) throws Exception {
        return send(UUID.randomUUID(), customerId, type, occurredAt, payload);
    }

    private UUID send(UUID eventId, UUID customerId, String type, Instant occurredAt, Map<String, Object> payload)
            throws Exception {
        kafka.send(CUSTOMERS, customerId.toString(), json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId),
                Map.entry("type", type), Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "customer"), Map.entry("aggregateId", customerId.toString()),
                Map.entry("producer", "customer-service"), Map.entry("correlationId", "corr-" + eventId),
                Map.entry("actor", "system"), Map.entry("actorName", "system"), Map.entry("payload", payload))))
            .get();
        return eventId;
    }
}

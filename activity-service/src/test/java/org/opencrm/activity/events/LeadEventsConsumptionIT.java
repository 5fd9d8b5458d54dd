package org.opencrm.activity.events;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** Lead events land on their customer's timeline and in the feed, once each, in the order they happened. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class LeadEventsConsumptionIT {

    private static final String LEADS = TestNamespace.topic("crm.lead");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Test
    void putsALeadsLifeOnItsCustomersTimeline() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String created = envelope(customerId, "lead.created", leadId, t0, Map.of("status", "NEW"));
        kafka.send(LEADS, leadId.toString(), created).get();
        kafka.send(LEADS, leadId.toString(), created).get();
        kafka.send(LEADS, leadId.toString(), envelope(customerId, "lead.assigned", leadId, t0.plusMillis(1),
                Map.of("assignee", "user-3", "assigneeName", "Sam Seller"))).get();
        kafka.send(LEADS, leadId.toString(), envelope(customerId, "lead.status-changed", leadId, t0.plusMillis(2),
                Map.of("from", "NEW", "to", "CLOSED_LOST", "reason", "No budget"))).get();
        kafka.send(LEADS, leadId.toString(), envelope(customerId, "lead.scored", leadId, t0.plusMillis(3), Map.of("score", 42)))
            .get();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customerId).query(Long.class)
            .single() == 4);
        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .with(jwt().jwt(token -> token.subject("user-3")).authorities(new SimpleGrantedAuthority("ROLE_sales"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(4))
            .andExpect(jsonPath("$.items[0].summary").value("Lead Renewal scored 42"))
            .andExpect(jsonPath("$.items[1].action").value("lead.status-changed"))
            .andExpect(jsonPath("$.items[1].summary").value("Lead Renewal moved from New to Lost: No budget"))
            .andExpect(jsonPath("$.items[2].summary").value("Lead Renewal assigned to Sam Seller"))
            .andExpect(jsonPath("$.items[3].summary").value("Lead Renewal created"))
            .andExpect(jsonPath("$.items[3].userName").value("Max Manager"));
        // the scoring's entry is a kind of its own: a glance at what people did leaves it out, or shows it alone
        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .param("kind", "customer,lead,note,document,communication,follow-up,payment")
                .with(jwt().jwt(token -> token.subject("user-3")).authorities(new SimpleGrantedAuthority("ROLE_sales"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(3))
            .andExpect(jsonPath("$.items[0].action").value("lead.status-changed"));
        mvc.perform(get("/api/v1/customers/{id}/timeline", customerId).param("kind", "score")
                .with(jwt().jwt(token -> token.subject("user-3")).authorities(new SimpleGrantedAuthority("ROLE_sales"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].kind").value("score"))
            .andExpect(jsonPath("$.items[0].summary").value("Lead Renewal scored 42"))
            .andExpect(jsonPath("$.items[0].leadId").value(leadId.toString()));
        // the lead is user-3's: another sales user sees none of its entries
        mvc.perform(get("/api/v1/activities").param("customerId", customerId.toString())
                .with(jwt().jwt(token -> token.subject("user-4")).authorities(new SimpleGrantedAuthority("ROLE_sales"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/activities").param("size", "200")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_support"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[?(@.customerId == '%s')]".formatted(customerId)).exists());
    }

    private String envelope(UUID customerId, String type, UUID leadId, Instant occurredAt, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("leadId", leadId);
        payload.put("customerId", customerId);
        payload.put("title", "Renewal");
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", UUID.randomUUID()), Map.entry("type", type),
                Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", "lead"), Map.entry("aggregateId", leadId.toString()),
                Map.entry("producer", "lead-service"), Map.entry("correlationId", "corr-" + leadId),
                Map.entry("actor", "user-2"), Map.entry("actorName", "Max Manager"), Map.entry("payload", payload)));
    }
}

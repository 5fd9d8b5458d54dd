package org.opencrm.activity.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** Callers, the customers, leads and users activity-service knows from events, and event envelopes. */
public final class Fixtures {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Fixtures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A user with one realm role, known by {@code "Name of <id>"}. */
    public static RequestPostProcessor as(String userId, String role) {
        return jwt().jwt(token -> token.subject(userId).claim("name", nameOf(userId)))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static String nameOf(String userId) {
        return "Name of " + userId;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer as customer.created would have left it. */
    public UUID customer(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into known_customer (id, name, deleted, changed_at) values (:id, :name, false, :at)")
            .param("id", id).param("name", name).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    public void deleteCustomer(UUID id) {
        jdbc.sql("update known_customer set deleted = true where id = :id").param("id", id).update();
    }

    /** A lead of the customer assigned to {@code assignee}, as lead.created would have left it (the user known). */
    public UUID lead(UUID customerId, String title, String assignee) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into known_lead (id, customer_id, title, assignee, changed_at)
                values (:id, :customerId, :title, :assignee, :at)""")
            .param("id", id).param("customerId", customerId).param("title", title).param("assignee", assignee)
            .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        user(assignee);
        return id;
    }

    /** A user this service has seen (as a lead assignee, say). */
    public void user(String id) {
        jdbc.sql("""
                insert into known_user (id, name, seen_at) values (:id, :name, now()) on conflict (id) do nothing""")
            .param("id", id).param("name", nameOf(id)).update();
    }

    /** The envelope of an event as producers write it. */
    public String envelope(String type, String aggregateType, Object aggregateId, Instant occurredAt, String actor,
            Map<String, Object> payload) {
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", UUID.randomUUID()), Map.entry("type", type),
                Map.entry("version", 1), Map.entry("occurredAt", occurredAt.toString()),
                Map.entry("aggregateType", aggregateType), Map.entry("aggregateId", aggregateId.toString()),
                Map.entry("producer", aggregateType + "-service"), Map.entry("correlationId", "corr-" + aggregateId),
                Map.entry("actor", actor), Map.entry("actorName", nameOf(actor)), Map.entry("payload", payload)));
    }
}

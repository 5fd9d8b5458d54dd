package org.opencrm.payment.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Callers, and the customers and leads payment-service knows from events. */
public final class Fixtures {

    private final JdbcClient jdbc;

    public Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with one realm role, known by {@code "Name of <id>"}. */
    public static RequestPostProcessor as(String userId, String role) {
        return jwt().jwt(token -> token.subject(userId).claim("name", "Name of " + userId))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer owned by {@code ownerId}, as customer.created would have left it. */
    public UUID customer(String name, String ownerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into known_customer (id, name, owner_id, deleted, changed_at, owner_changed_at)
                values (:id, :name, :owner, false, :at, :at)""")
            .param("id", id).param("name", name).param("owner", ownerId)
            .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    public void deleteCustomer(UUID id) {
        jdbc.sql("update known_customer set deleted = true where id = :id").param("id", id).update();
    }

    /** A lead of the customer assigned to {@code assignee}, as lead.created would have left it. */
    public UUID lead(UUID customerId, String title, String assignee) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into known_lead (id, customer_id, title, assignee, changed_at)
                values (:id, :customerId, :title, :assignee, :at)""")
            .param("id", id).param("customerId", customerId).param("title", title).param("assignee", assignee)
            .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    public long count(String table, String column, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :id").param("id", id)
            .query(Long.class).single();
    }
}

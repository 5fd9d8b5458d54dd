package org.opencrm.lead.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small builders the lead ITs share: callers, known customers and leads. */
public final class Leads {

    /** The sales users of lead-test.properties. */
    public static final String SALES = "user-sales";

    public static final String SALES2 = "user-sales2";

    private Leads() {
    }

    /** A user with one realm role, id {@code user-<role>}. */
    public static RequestPostProcessor as(String role) {
        return asUser("user-" + role, role);
    }

    public static RequestPostProcessor asUser(String id, String role) {
        return jwt().jwt(token -> token.subject(id).claim("name", "The " + role))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static RequestPostProcessor partner(String scope) {
        return jwt().jwt(token -> token.subject("partner-client").claim("client_id", "partner"))
            .authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
    }

    /** A customer as its created event would have left it here. */
    public static UUID customer(JdbcClient jdbc, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into customer (id, name, deleted, changed_at) values (:id, :name, false, :at)")
            .param("id", id).param("name", name).param("at", Timestamp.from(Instant.now())).update();
        return id;
    }

    public static JsonNode create(MockMvc mvc, JsonMapper json, RequestPostProcessor caller, UUID customerId,
            String title, String value, String currency, String assignee) throws Exception {
        String body = json.writeValueAsString(new java.util.LinkedHashMap<String, Object>() {
            {
                put("customerId", customerId);
                put("title", title);
                put("source", "WEB");
                put("value", value);
                put("currency", currency);
                if (assignee != null) {
                    put("assignee", assignee);
                }
            }
        });
        return json.readTree(mvc.perform(post("/api/v1/leads").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString());
    }
}

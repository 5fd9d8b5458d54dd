package org.opencrm.activity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencrm.activity.support.Fixtures.as;
import static org.opencrm.activity.support.Fixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.activity.support.Fixtures;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner clients with tokens Keycloak issues (client credentials): {@code activities:write} creates follow-ups for a
 * named CRM user and works anyone's; {@code activities:read} alone changes nothing.
 */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
class PartnerFollowUpIT {

    private static final String CLIENT = PermissionMatrix.PARTNER_CLIENT;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Fixtures fixtures;

    String user;

    UUID customer;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(jdbc, json);
        user = unique("sales");
        fixtures.user(user);
        customer = fixtures.customer("Partner GmbH");
    }

    @Test
    void aWriterCreatesAFollowUpForANamedUserAndIsRecordedAsItsCreator() throws Exception {
        String writer = token("activities:write");

        JsonNode created = body(create(writer, request(user)).andExpect(status().isCreated())
            .andExpect(jsonPath("$.assignee").value(user))
            .andExpect(jsonPath("$.createdBy").value(CLIENT)));

        JsonNode event = envelope(created.get("id").asString(), "follow-up.created");
        assertThat(event.get("payload").get("actorId").asString()).isEqualTo(CLIENT);
        assertThat(event.get("actorName").asString()).contains(CLIENT);
        assertThat(jdbc.sql("select count(*) from known_user where name like :client")
            .param("client", "%" + CLIENT + "%").query(Long.class).single())
            .as("a partner's client is no assignee").isZero();
    }

    @Test
    void aWriterMustNameTheAssignee() throws Exception {
        String writer = token("activities:write");

        create(writer, request(null)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        create(writer, request("me")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        create(writer, request(unique("nobody"))).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    }

    @Test
    void aWriterCompletesAUsersFollowUp() throws Exception {
        String id = body(mvc.perform(post("/api/v1/follow-ups").with(as(user, "sales"))
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request(null))))
            .andExpect(status().isCreated())).get("id").asString();

        mvc.perform(post("/api/v1/follow-ups/" + id + "/complete").header("Authorization",
                "Bearer " + token("activities:write")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("DONE"));

        assertThat(envelope(id, "follow-up.completed").get("payload").get("actorId").asString()).isEqualTo(CLIENT);
    }

    @Test
    void aReaderFindsTheUsersAFollowUpMayBeAssignedTo() throws Exception {
        mvc.perform(get("/api/v1/follow-ups/assignees").header("Authorization", "Bearer " + token("activities:read")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].id", hasItem(user)))
            .andExpect(jsonPath("$[*].id", not(hasItem(CLIENT))));
    }

    @Test
    void aReaderChangesNothing() throws Exception {
        String reader = token("activities:read");

        create(reader, request(user)).andExpect(status().isForbidden());
        String id = body(mvc.perform(post("/api/v1/follow-ups").with(as(user, "sales"))
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request(null))))
            .andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/v1/follow-ups/" + id + "/complete").header("Authorization", "Bearer " + reader))
            .andExpect(status().isForbidden());
    }

    private static String token(String scope) {
        return TestInfrastructure.keycloak().clientCredentialsToken(CLIENT, PermissionMatrix.PARTNER_SECRET, scope);
    }

    private Map<String, Object> request(String assignee) {
        Map<String, Object> request = new HashMap<>(Map.of("customerId", customer, "title", "Call the partner's lead",
                "dueAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        if (assignee != null) {
            request.put("assignee", assignee);
        }
        return request;
    }

    private ResultActions create(String token, Map<String, Object> request) throws Exception {
        return mvc.perform(post("/api/v1/follow-ups").header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)));
    }

    private JsonNode envelope(String followUpId, String type) {
        return json.readTree(jdbc.sql("""
                select payload::text from outbox_event where aggregate_id = :id and type = :type""")
            .param("id", followUpId).param("type", type).query(String.class).single());
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

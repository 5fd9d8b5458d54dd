package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/customers/{id}/history: what the use cases recorded, in the same transactions as the changes. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerHistoryIT {

    private static final RequestPostProcessor PARTNER_WRITER = jwt()
        .jwt(token -> token.subject("service-account-id").claim("client_id", "crm-partner-demo"))
        .authorities(new SimpleGrantedAuthority("SCOPE_customers:write"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsTheCreationAndEveryChangedFieldWithWhoWhenAndTheRequest() throws Exception {
        String email = unique("history");
        JsonNode customer = create("Ada", email);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        mvc.perform(update(customer, "Ada Lovelace", email, "+44 20 7946 0000", as("manager"))
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).andExpect(status().isOk());

        JsonNode items = history(customer, as("support")).get("items");
        assertThat(fields(items)).containsExactly("name", "phone", "created");
        assertThat(items.get(0).get("oldValue").asString()).isEqualTo("Ada");
        assertThat(items.get(0).get("newValue").asString()).isEqualTo("Ada Lovelace");
        assertThat(items.get(1).get("oldValue").isNull()).isTrue();
        assertThat(items.get(1).get("newValue").asString()).isEqualTo("+44 20 7946 0000");
        assertThat(items.get(0).get("actorId").asString()).isEqualTo("user-manager");
        assertThat(items.get(0).get("actorName").asString()).isEqualTo("The manager");
        assertThat(items.get(0).get("actorKind").asString()).isEqualTo("user");
        assertThat(items.get(0).get("traceId").asString()).isEqualTo(traceId);
        assertThat(items.get(1).get("changedAt")).isEqualTo(items.get(0).get("changedAt"));
        assertThat(items.get(2).get("actorName").asString()).isEqualTo("The sales");
        assertThat(items.get(2).get("oldValue").isNull()).isTrue();
    }

    @Test
    void recordsCompanyTagsAndOwnerChanges() throws Exception {
        String email = unique("owned");
        JsonNode customer = create("Owned", email);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Owned");
        body.put("email", email);
        body.put("company", "Acme");
        body.put("tags", List.of("vip", "emea"));
        body.put("version", customer.get("version").asLong());
        mvc.perform(put("/api/v1/customers/{id}", customer.get("id").asString()).with(as("sales"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
            .andExpect(status().isOk());

        mvc.perform(put("/api/v1/customers/{id}/owner", customer.get("id").asString()).with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"user-sales2\"}"))
            .andExpect(status().isOk());

        JsonNode items = history(customer, as("support")).get("items");
        assertThat(fields(items)).containsExactly("owner", "company", "tags", "created");
        assertThat(items.get(0).get("oldValue").asString()).isEqualTo("The sales");
        assertThat(items.get(0).get("newValue").asString()).isEqualTo("Other Seller");
        assertThat(items.get(1).get("newValue").asString()).isEqualTo("Acme");
        assertThat(items.get(2).get("oldValue").isNull()).isTrue();
        assertThat(items.get(2).get("newValue").asString()).contains("vip").contains("emea");
    }

    @Test
    void recordsNothingForAnUpdateThatChangesNoField() throws Exception {
        String email = unique("same");
        JsonNode customer = create("Same", email);

        mvc.perform(update(customer, " Same ", email, "", as("sales")))
            .andExpect(status().isOk());

        assertThat(fields(history(customer, as("sales")).get("items"))).containsExactly("created");
    }

    @Test
    void tellsAPartnerClientFromAUserAndLetsPartnersReadIt() throws Exception {
        String email = unique("partner");
        JsonNode customer = create("Partner Made", email);

        mvc.perform(update(customer, "Partner Changed", email, null, PARTNER_WRITER)).andExpect(status().isOk());

        JsonNode newest = history(customer, jwt().authorities(new SimpleGrantedAuthority("SCOPE_customers:read")))
            .get("items").get(0);
        assertThat(newest.get("actorKind").asString()).isEqualTo("client");
        assertThat(newest.get("actorId").asString()).isEqualTo("crm-partner-demo");
    }

    @Test
    void pagesNewestFirstWithoutGapsOrRepeats() throws Exception {
        String email = unique("pages");
        JsonNode customer = create("Name 0", email);
        for (int i = 1; i <= 6; i++) {
            customer = json.readTree(mvc.perform(update(customer, "Name " + i, email, null, as("sales")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get("/api/v1/customers/{id}/history", customer.get("id").asString())
                .param("size", "3").with(as("sales"));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("field").asString() + ":"
                    + (item.get("newValue").isNull() ? "" : item.get("newValue").asString())));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("name:Name 6", "name:Name 5", "name:Name 4", "name:Name 3", "name:Name 2",
                "name:Name 1", "created:");
    }

    @Test
    void refusesBadCursorsAndUnknownCustomersAsProblems() throws Exception {
        create("Other", unique("other"));
        JsonNode customer = create("Cursor", unique("cursor"));
        String id = customer.get("id").asString();
        String listCursor = json.readTree(mvc.perform(get("/api/v1/customers").param("size", "1").with(as("sales")))
            .andReturn().getResponse().getContentAsString()).get("nextCursor").asString();

        for (String cursor : List.of("garbage", listCursor, "x".repeat(2000))) {
            mvc.perform(get("/api/v1/customers/{id}/history", id).param("cursor", cursor).with(as("sales")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        }
        mvc.perform(get("/api/v1/customers/{id}/history", id).param("size", "0").with(as("sales")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/{id}/history", UUID.randomUUID()).with(as("sales")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/customers/{id}/history", id)).andExpect(status().isUnauthorized());
    }

    @Test
    void recordsADeletionInTheDeletingTransaction() throws Exception {
        JsonNode customer = create("Gone", unique("gone"));
        UUID id = UUID.fromString(customer.get("id").asString());

        mvc.perform(delete("/api/v1/customers/{id}", id).with(as("manager"))).andExpect(status().isNoContent());

        assertThat(jdbc.sql("select field from field_change where aggregate_type = 'customer' and aggregate_id = ?"
                + " order by changed_at desc, id desc").param(id).query(String.class).list())
            .containsExactly("deleted", "created");
    }

    private JsonNode create(String name, String email) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/customers").with(as("sales"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", name, "email", email))))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder update(JsonNode customer, String name, String email, String phone,
            RequestPostProcessor caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("version", customer.get("version").asLong());
        return put("/api/v1/customers/{id}", customer.get("id").asString()).with(caller)
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private JsonNode history(JsonNode customer, RequestPostProcessor caller) throws Exception {
        ResultActions result = mvc.perform(get("/api/v1/customers/{id}/history", customer.get("id").asString())
            .with(caller)).andExpect(status().isOk());
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> fields(JsonNode items) {
        List<String> fields = new ArrayList<>();
        items.forEach(item -> fields.add(item.get("field").asString()));
        return fields;
    }
}

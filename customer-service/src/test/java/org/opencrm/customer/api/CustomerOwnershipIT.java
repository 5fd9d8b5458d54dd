package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Owners: the creator owns a customer, managers give it to another active user, sales change only their own. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerOwnershipIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCreatorOwnsTheCustomer() throws Exception {
        create("sales", "Owned", unique("owned"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.ownerId").value("user-sales"))
            .andExpect(jsonPath("$.ownerName").value("The sales"));
    }

    @Test
    void salesReadEveryCustomerButChangeOnlyTheirOwnWith403ForAnothers() throws Exception {
        String email = unique("theirs");
        String id = id(create("sales2", "Theirs", email));

        mvc.perform(get("/api/v1/customers/" + id).with(as("sales"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/customers/" + id).with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Mine now","email":"%s","version":0}""".formatted(email)))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/customers/" + id).with(sales2()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Still theirs","email":"%s","version":0}""".formatted(email)))
            .andExpect(status().isOk());
        mvc.perform(put("/api/v1/customers/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Managed","email":"%s","version":1}""".formatted(email)))
            .andExpect(status().isOk());
        long updates = jdbc.sql("select count(*) from outbox_event where aggregate_id = :id and type = 'customer.updated'")
            .param("id", id).query(Long.class).single();
        assertThat(updates).as("the refused change published nothing").isEqualTo(2);
    }

    @Test
    void managersGiveACustomerToAnActiveUserAndPublishOwnerChanged() throws Exception {
        String id = id(create("sales", "Handed over", unique("handover")));

        mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"owner":"user-sales2"}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.ownerId").value("user-sales2"))
            .andExpect(jsonPath("$.ownerName").value("Other Seller"));
        // the same owner again changes nothing
        mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"owner":"user-sales2"}"""))
            .andExpect(status().isOk());

        JsonNode event = json.readTree(jdbc.sql("select payload::text from outbox_event where aggregate_id = :id "
                + "and type = 'customer.owner-changed'").param("id", id).query(String.class).single());
        JsonNode payload = event.has("payload") ? event.get("payload") : event;
        assertThat(payload.get("customerId").asString()).isEqualTo(id);
        assertThat(payload.get("from").asString()).isEqualTo("user-sales");
        assertThat(payload.get("to").asString()).isEqualTo("user-sales2");
        assertThat(payload.get("actorId").asString()).isEqualTo("user-manager");

        // the former owner may no longer change it, the new one may
        mvc.perform(delete("/api/v1/customers/" + id).with(as("sales"))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"owner":"user-sales"}"""))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnOwnerWhoIsNoActiveUserWith422() throws Exception {
        String id = id(create("sales", "Nobody's", unique("nobody")));

        mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"owner":"user-gone"}"""))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("owner"));
        mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"owner":""}"""))
            .andExpect(status().isBadRequest());
    }

    @Test
    void listsTheUsersACustomerMayBeGivenTo() throws Exception {
        mvc.perform(get("/api/v1/customers/owners").with(as("manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.containsInAnyOrder("user-sales",
                    "user-sales2", "user-manager")));
    }

    @Test
    void filtersByOwnerWithMeAsTheCaller() throws Exception {
        String marker = "owner-filter-" + System.nanoTime();
        String mine = id(create("sales", marker + " mine", unique("mine")));
        String theirs = id(create("sales2", marker + " theirs", unique("theirs")));

        JsonNode me = json.readTree(mvc.perform(get("/api/v1/customers").param("q", marker).param("owner", "me")
                .with(as("sales"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(me.get("items").findValuesAsString("id")).containsExactly(mine);
        JsonNode other = json.readTree(mvc.perform(get("/api/v1/customers").param("q", marker)
                .param("owner", "user-sales2").with(as("support"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(other.get("items").findValuesAsString("id")).containsExactly(theirs);
    }

    /** Another sales user: subject user-sales2, role sales. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor sales2() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
            .jwt(token -> token.subject("user-sales2").claim("name", "Other Seller"))
            .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_sales"));
    }

    private ResultActions create(String role, String name, String email) throws Exception {
        return mvc.perform(post("/api/v1/customers").with("sales2".equals(role) ? sales2() : as(role)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"%s","email":"%s"}""".formatted(name, email)));
    }

    private String id(ResultActions created) throws Exception {
        return json.readTree(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
            .get("id").asString();
    }
}

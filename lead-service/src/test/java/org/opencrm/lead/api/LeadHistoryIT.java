package org.opencrm.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.lead.api.Leads.SALES;
import static org.opencrm.lead.api.Leads.SALES2;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.asUser;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;
import static org.opencrm.lead.api.Leads.partner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/leads/{id}/history: every change of status, assignee and facts, under the record-level rule. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class LeadHistoryIT {

    private static final RequestPostProcessor SALES_USER = asUser(SALES, "sales");

    private static final RequestPostProcessor OTHER_SALES_USER = asUser(SALES2, "sales");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsStatusAssigneeAndFactChangesNewestFirst() throws Exception {
        String id = create(mvc, json, as("manager"), customer(jdbc, "History Ltd"), "Rollout", "1000", "EUR", SALES)
            .get("id").asString();
        mvc.perform(put("/api/v1/leads/{id}", id).with(SALES_USER).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Rollout 2027","source":"WEB","value":"1000.00","currency":"USD","version":0}"""))
            .andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/{id}/status", id).with(SALES_USER).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"status":"CLOSED_LOST","reason":"No budget"}"""))
            .andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/{id}/assignee", id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"assignee":"%s"}""".formatted(SALES2)))
            .andExpect(status().isOk());

        JsonNode items = history(id, as("manager")).get("items");
        assertThat(entries(items)).containsExactly(
                "assignee: The sales → Other Seller",
                "status: NEW → CLOSED_LOST",
                "lostReason: null → No budget",
                "currency: EUR → USD",
                "title: Rollout → Rollout 2027",
                "created: null → null");
        assertThat(items.get(0).get("actorName").asString()).isEqualTo("The manager");
        assertThat(items.get(1).get("actorId").asString()).isEqualTo(SALES);
        assertThat(items.get(5).get("actorId").asString()).isEqualTo("user-manager");
    }

    @Test
    void showsASalesUserOnlyTheHistoryOfTheirOwnLeads() throws Exception {
        String theirs = create(mvc, json, as("manager"), customer(jdbc, "Theirs Ltd"), "Theirs", "5", "EUR", SALES2)
            .get("id").asString();

        mvc.perform(get("/api/v1/leads/{id}/history", theirs).with(SALES_USER))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(entries(history(theirs, OTHER_SALES_USER).get("items"))).containsExactly("created: null → null");
        assertThat(entries(history(theirs, as("support")).get("items"))).hasSize(1);
        assertThat(entries(history(theirs, partner("leads:read")).get("items"))).hasSize(1);
        mvc.perform(get("/api/v1/leads/{id}/history", theirs).with(partner("customers:read")))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesBadCursorsAndForgetsNothingOfADeletedLead() throws Exception {
        String id = create(mvc, json, as("manager"), customer(jdbc, "Gone Ltd"), "Gone", "5", "EUR", SALES)
            .get("id").asString();
        mvc.perform(get("/api/v1/leads/{id}/history", id).param("cursor", "bm90LWEtY3Vyc29y").with(SALES_USER))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));

        mvc.perform(delete("/api/v1/leads/{id}", id).with(as("manager"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/leads/{id}/history", id).with(as("manager"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select field from field_change where aggregate_type = 'lead' and aggregate_id = ?"
                + " order by changed_at desc, id desc").param(UUID.fromString(id)).query(String.class).list())
            .containsExactly("deleted", "created");
    }

    private JsonNode history(String id, RequestPostProcessor caller) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/leads/{id}/history", id).with(caller))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString());
    }

    private static List<String> entries(JsonNode items) {
        List<String> entries = new ArrayList<>();
        items.forEach(item -> entries.add(item.get("field").asString() + ": " + text(item.get("oldValue")) + " → "
                + text(item.get("newValue"))));
        return entries;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }
}

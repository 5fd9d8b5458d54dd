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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The status pipeline, assignment and the record-level rule (sales: own leads only) on every path. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class LeadRulesIT {

    private static final RequestPostProcessor SALES_USER = asUser(SALES, "sales");

    private static final RequestPostProcessor OTHER_SALES_USER = asUser(SALES2, "sales");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void movesAlongThePipelineAndRefusesOtherMovesNamingTheAllowedOnes() throws Exception {
        String id = create(mvc, json, as("manager"), customer(jdbc, "Pipeline Ltd"), "Pipeline", "10", "EUR", SALES)
            .get("id").asString();
        move(id, "CLOSED_WON", null, SALES_USER)
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.allowed[0]").value("IN_PROGRESS"))
            .andExpect(jsonPath("$.allowed[1]").value("CLOSED_LOST"));
        move(id, "CLOSED_LOST", " ", SALES_USER)
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        move(id, "CLOSED_LOST", "No budget", SALES_USER)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("CLOSED_LOST"))
            .andExpect(jsonPath("$.lostReason").value("No budget"))
            .andExpect(jsonPath("$.closedAt").isNotEmpty());
        move(id, "IN_PROGRESS", null, SALES_USER)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.closedAt").isEmpty())
            .andExpect(jsonPath("$.lostReason").isEmpty());
        move(id, "CLOSED_WON", null, SALES_USER).andExpect(status().isOk());
        move(id, "CLOSED_LOST", "Changed their mind", as("manager"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.allowed[0]").value("IN_PROGRESS"));
        move(id, "IN_PROGRESS", null, SALES_USER)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
            .andExpect(jsonPath("$.closedAt").isEmpty());
        move(id, "OPEN", null, as("manager")).andExpect(status().isBadRequest());
    }

    @Test
    void assignsOnlyActiveSalesUsersAndOnlyForManagers() throws Exception {
        String id = create(mvc, json, as("manager"), customer(jdbc, "Assign Ltd"), "Assign", "10", "EUR", null)
            .get("id").asString();
        assign(id, SALES2, as("manager"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.assignedTo").value(SALES2))
            .andExpect(jsonPath("$.assigneeName").value("Other Seller"));
        assertThat(jdbc.sql("select actor from lead_assignment where lead_id = ?::uuid and assignee = ?")
            .params(id, SALES2).query(String.class).list()).containsExactly("user-manager");
        assign(id, "user-support", as("admin"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        assign(id, SALES, OTHER_SALES_USER).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/leads/assignees").with(as("manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(SALES, SALES2)));
    }

    @Test
    void aSalesUserReachesOnlyTheLeadsAssignedToThemOnEveryPath() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID customerId = customer(jdbc, "Rules " + tag);
        String mine = create(mvc, json, as("manager"), customerId, "Mine " + tag, "100", "EUR", SALES).get("id")
            .asString();
        String theirs = create(mvc, json, as("manager"), customerId, "Theirs " + tag, "900", "EUR", SALES2).get("id")
            .asString();
        String nobodys = create(mvc, json, as("manager"), customerId, "Nobody " + tag, "50", "USD", null).get("id")
            .asString();
        // unassigned, as a lead created while the user directory did not answer is until it does
        jdbc.sql("update lead set assigned_to = null, assignee_name = null where id = ?::uuid").param(nobodys).update();

        // list, search, filters and every sort
        for (String sort : List.of("created", "value", "score")) {
            assertThat(ids(get("/api/v1/leads").param("q", tag).param("sort", sort), SALES_USER)).containsExactly(mine);
        }
        assertThat(ids(get("/api/v1/leads").param("customerId", customerId.toString()).param("assignee", SALES2),
                SALES_USER)).isEmpty();
        assertThat(ids(get("/api/v1/leads").param("q", tag), as("manager"))).hasSize(3);
        assertThat(ids(get("/api/v1/leads").param("q", tag), as("support"))).hasSize(3);
        assertThat(ids(get("/api/v1/leads").param("q", tag), partner("leads:read"))).hasSize(3);

        // board counts, sums and cards
        JsonNode board = body(mvc.perform(get("/api/v1/leads/board").param("q", tag).with(SALES_USER))
            .andExpect(status().isOk()));
        JsonNode newColumn = board.get("columns").get(0);
        assertThat(newColumn.get("status").asString()).isEqualTo("NEW");
        assertThat(newColumn.get("count").asLong()).isEqualTo(1);
        assertThat(newColumn.get("totals").toString()).isEqualTo("[{\"currency\":\"EUR\",\"value\":\"100.00\"}]");
        assertThat(newColumn.get("items").get(0).get("id").asString()).isEqualTo(mine);
        JsonNode managersBoard = body(mvc.perform(get("/api/v1/leads/board").param("q", tag).with(as("manager"))));
        assertThat(managersBoard.get("columns").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(managersBoard.get("columns").get(0).get("totals").toString())
            .isEqualTo("[{\"currency\":\"EUR\",\"value\":\"1000.00\"},{\"currency\":\"USD\",\"value\":\"50.00\"}]");

        // get, update, status: another's lead does not exist for them
        for (String other : List.of(theirs, nobodys)) {
            mvc.perform(get("/api/v1/leads/" + other).with(SALES_USER)).andExpect(status().isNotFound());
            mvc.perform(put("/api/v1/leads/" + other).with(SALES_USER).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Taken","source":"WEB","value":"1","currency":"EUR","version":0}"""))
                .andExpect(status().isNotFound());
            move(other, "IN_PROGRESS", null, SALES_USER).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/leads/" + mine).with(SALES_USER)).andExpect(status().isOk());
        move(mine, "IN_PROGRESS", null, SALES_USER).andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/" + theirs).with(OTHER_SALES_USER)).andExpect(status().isOk());

        // support reads all and writes nothing; sales never delete
        mvc.perform(get("/api/v1/leads/" + theirs).with(as("support"))).andExpect(status().isOk());
        move(theirs, "IN_PROGRESS", null, as("support")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/leads/" + mine).with(SALES_USER)).andExpect(status().isForbidden());
        move(theirs, "IN_PROGRESS", null, partner("leads:write")).andExpect(status().isOk());
        move(theirs, "CLOSED_WON", null, partner("leads:read")).andExpect(status().isForbidden());
    }

    @Test
    void theBoardPagesEachColumnThroughTheListInTheSameOrder() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID customerId = customer(jdbc, "Board " + tag);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, create(mvc, json, as("manager"), customerId, "Card " + i + " " + tag, "1", "EUR", SALES)
                .get("id").asString());
        }
        JsonNode column = body(mvc.perform(get("/api/v1/leads/board").param("q", tag).param("size", "2")
            .with(as("manager")))).get("columns").get(0);
        List<String> seen = new ArrayList<>();
        column.get("items").forEach(item -> seen.add(item.get("id").asString()));
        JsonNode more = body(mvc.perform(get("/api/v1/leads").param("q", tag).param("status", "NEW")
            .param("cursor", column.get("nextCursor").asString()).with(as("manager"))));
        more.get("items").forEach(item -> seen.add(item.get("id").asString()));
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(more.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theBoardAndTheListRefuseATextTooShortForTheTrigramIndexes() throws Exception {
        for (String path : new String[] { "/api/v1/leads/board", "/api/v1/leads" }) {
            mvc.perform(get(path).param("q", " zz ").with(as("manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("must have at least 3 characters to search"));
            mvc.perform(get(path).param("q", "  ").with(as("manager"))).andExpect(status().isOk());
            mvc.perform(get(path).param("q", "zzz").with(as("manager"))).andExpect(status().isOk());
        }
    }

    private ResultActions move(String id, String status, String reason, RequestPostProcessor caller)
            throws Exception {
        return mvc.perform(put("/api/v1/leads/" + id + "/status").with(caller).contentType(MediaType.APPLICATION_JSON)
            .content(reason == null ? "{\"status\":\"%s\"}".formatted(status)
                    : "{\"status\":\"%s\",\"reason\":\"%s\"}".formatted(status, reason)));
    }

    private ResultActions assign(String id, String assignee, RequestPostProcessor caller) throws Exception {
        return mvc.perform(put("/api/v1/leads/" + id + "/assignee").with(caller)
            .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"%s\"}".formatted(assignee)));
    }

    private List<String> ids(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor caller) throws Exception {
        JsonNode page = body(mvc.perform(request.with(caller)).andExpect(status().isOk()));
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

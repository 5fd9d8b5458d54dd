package org.opencrm.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.opencrm.lead.api.Leads.SALES;
import static org.opencrm.lead.api.Leads.SALES2;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class LeadApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsReadsUpdatesAndDeletesALead() throws Exception {
        UUID customerId = customer(jdbc, "Acme Ltd");
        String body = """
                {"customerId":"%s","title":" Renewal 2027 ","source":"REFERRAL","value":12500,"currency":"EUR",
                 "assignee":"%s"}""".formatted(customerId, SALES);
        JsonNode created = body(mvc.perform(post("/api/v1/leads").with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", startsWith("/api/v1/leads/")))
            .andExpect(jsonPath("$.title").value("Renewal 2027"))
            .andExpect(jsonPath("$.customerName").value("Acme Ltd"))
            .andExpect(jsonPath("$.value").value("12500.00"))
            .andExpect(jsonPath("$.status").value("NEW"))
            .andExpect(jsonPath("$.assignedTo").value(SALES))
            .andExpect(jsonPath("$.assigneeName").value("The sales"))
            .andExpect(jsonPath("$.score").isEmpty())
            .andExpect(jsonPath("$.closedAt").isEmpty())
            .andExpect(jsonPath("$.version").value(0)));
        String id = created.get("id").asString();

        mvc.perform(get("/api/v1/leads/" + id).with(as("support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.currency").value("EUR"));

        mvc.perform(put("/api/v1/leads/" + id).with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Renewal 2028","source":"EVENT","value":"3000","currency":"JPY","version":0}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("Renewal 2028"))
            .andExpect(jsonPath("$.value").value("3000"))
            .andExpect(jsonPath("$.version").value(1));

        mvc.perform(put("/api/v1/leads/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Stale","source":"EVENT","value":"1","currency":"EUR","version":0}"""))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(delete("/api/v1/leads/" + id).with(as("manager"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/leads/" + id).with(as("manager")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aSalesUserCreatingWithoutAnAssigneeGetsTheLeadThemself() throws Exception {
        UUID customerId = customer(jdbc, "Self Ltd");
        JsonNode lead = create(mvc, json, as("sales"), customerId, "Mine", "10", "EUR", null);
        assertThat(lead.get("assignedTo").asString()).isEqualTo(SALES);
        mvc.perform(post("/api/v1/leads").with(as("sales")).contentType(MediaType.APPLICATION_JSON).content("""
                {"customerId":"%s","title":"For another","source":"WEB","value":"1","currency":"EUR",
                 "assignee":"%s"}""".formatted(customerId, SALES2)))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesBadMoneyAndUnknownCustomersAndAssigneesWithProblemsNamingTheField() throws Exception {
        UUID customerId = customer(jdbc, "Money Ltd");
        expectField(createRaw(customerId, "\"12.345\"", "EUR", null), 400, "value");
        expectField(createRaw(customerId, "\"1.5\"", "JPY", null), 400, "value");
        expectField(createRaw(customerId, "-1", "EUR", null), 400, "value");
        expectField(createRaw(customerId, "1", "EURO", null), 400, "currency");
        expectField(createRaw(customerId, "1", "ABC", null), 400, "currency");
        expectField(createRaw(customerId, "1", "XAU", null), 400, "currency");
        expectField(createRaw(customerId, "1e400", "EUR", null), 400, "value");
        expectField(createRaw(customerId, "1", "EUR", "nobody"), 422, "assignee");
        expectField(createRaw(UUID.randomUUID(), "1", "EUR", null), 422, "customerId");
        jdbc.sql("update customer set deleted = true where id = :id").param("id", customerId).update();
        expectField(createRaw(customerId, "1", "EUR", null), 422, "customerId");
    }

    @Test
    void createsOncePerIdempotencyKey() throws Exception {
        UUID customerId = customer(jdbc, "Retry Ltd");
        String key = UUID.randomUUID().toString();
        String body = """
                {"customerId":"%s","title":"Retry","source":"WEB","value":"5","currency":"USD"}""".formatted(customerId);
        String first = mvc.perform(post("/api/v1/leads").with(as("manager")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "false"))
            .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/leads").with(as("manager")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again).get("id")).isEqualTo(json.readTree(first).get("id"));
    }

    @Test
    void filtersAndPagesEachSortWithoutGapsOrRepeats() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID customerId = customer(jdbc, "Filter " + tag);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(mvc, json, as("manager"), customerId, "Deal " + i, String.valueOf(100 * (i % 3)), "EUR",
                    i % 2 == 0 ? SALES : SALES2).get("id").asString());
        }
        for (String sort : List.of("created", "value", "score")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = body(mvc.perform(get("/api/v1/leads").param("customerId", customerId.toString())
                    .param("sort", sort).param("size", "2").param("cursor", cursor).with(as("manager")))
                    .andExpect(status().isOk()));
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            } while (cursor != null);
            assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(ids);
        }
        mvc.perform(get("/api/v1/leads").param("q", tag.toUpperCase()).with(as("manager")))
            .andExpect(jsonPath("$.items.length()").value(5));
        mvc.perform(get("/api/v1/leads").param("q", "deal 3").param("customerId", customerId.toString())
                .with(as("manager")))
            .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/leads").param("customerId", customerId.toString()).param("assignee", SALES2)
                .with(as("manager")))
            .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/v1/leads").param("customerId", customerId.toString()).param("assignee", "me")
                .with(Leads.asUser(SALES2, "manager")))
            .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/v1/leads").param("customerId", customerId.toString()).param("source", "EVENT")
                .param("status", "NEW").with(as("manager")))
            .andExpect(jsonPath("$.items.length()").value(0));
        JsonNode byValue = body(mvc.perform(get("/api/v1/leads").param("customerId", customerId.toString())
            .param("sort", "value").with(as("manager"))));
        assertThat(byValue.get("items").get(0).get("value").asString()).isEqualTo("200.00");
    }

    @Test
    void rejectsBadParametersWith400() throws Exception {
        mvc.perform(get("/api/v1/leads?cursor=garbage").with(as("manager"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/leads?sort=title").with(as("manager"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/leads?status=OPEN").with(as("manager"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/leads?size=0").with(as("manager"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/leads/not-a-uuid").with(as("manager"))).andExpect(status().isBadRequest());
        String valueCursor = new org.opencrm.platform.paging.PageCursor("leads.value", "NaN", UUID.randomUUID())
            .encode();
        mvc.perform(get("/api/v1/leads").param("sort", "value").param("cursor", valueCursor).with(as("manager")))
            .andExpect(status().isBadRequest());
    }

    private ResultActions createRaw(UUID customerId, String value, String currency, String assignee) throws Exception {
        return mvc.perform(post("/api/v1/leads").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"customerId":"%s","title":"Bad","source":"WEB","value":%s,"currency":"%s"%s}""".formatted(
                    customerId, value, currency, assignee == null ? "" : ",\"assignee\":\"" + assignee + "\"")));
    }

    private static void expectField(ResultActions result, int status, String field) throws Exception {
        result.andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

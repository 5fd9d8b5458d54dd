package org.opencrm.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.lead.api.Leads.SALES;
import static org.opencrm.lead.api.Leads.SALES2;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exceptions cost a stack walk each: none may be thrown while requests succeed and their events leave. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class NormalPathExceptionsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsSearchesBoardsReadsWritesAndPublishesWithoutThrowing() throws Exception {
        UUID customerId = Leads.customer(jdbc, "Normal Ltd");
        assertThat(ThrownExceptions.during(() -> everyUseCase(customerId))).isEmpty();
    }

    private void everyUseCase(UUID customerId) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = body(mvc.perform(post("/api/v1/leads").with(as("manager"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId":"%s","title":"Normal %s","source":"WEB","value":"10.50","currency":"EUR",
                         "assignee":"%s"}""".formatted(customerId, tag, SALES)))
            .andExpect(status().isCreated()));
        String id = created.get("id").asString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/leads").with(asUser(SALES, "sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId":"%s","title":"Normal %s %d","source":"EVENT","value":%d,"currency":"JPY"}"""
                    .formatted(customerId, tag, i, 1000 + i)))
                .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/leads/" + id).with(asUser(SALES, "sales"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/" + id).with(asUser(SALES, "sales")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"title":"Normal %s","source":"WEB","value":"11","currency":"EUR","version":0}""".formatted(tag)))
            .andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/" + id + "/status").with(asUser(SALES, "sales"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\"}"))
            .andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/" + id + "/assignee").with(as("manager"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"%s\"}".formatted(SALES2)))
            .andExpect(status().isOk());
        for (String sort : new String[] { "created", "value", "score" }) {
            JsonNode first = body(mvc.perform(get("/api/v1/leads").param("sort", sort).param("size", "2")
                .param("q", tag).with(as("manager"))).andExpect(status().isOk()));
            mvc.perform(get("/api/v1/leads").param("sort", sort).param("size", "2").param("q", tag)
                .param("cursor", first.get("nextCursor").asString()).with(as("manager"))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/leads").param("sort", sort).param("assignee", "me").param("status", "NEW")
                .param("source", "EVENT").with(asUser(SALES, "sales"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/leads/board").with(asUser(SALES, "sales"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/board").param("q", tag).with(as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/count").param("status", "NEW").with(asUser(SALES, "sales")))
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/count").param("q", tag).with(as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/assignees").with(as("manager"))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/leads/" + id).with(as("manager"))).andExpect(status().isNoContent());
        // the relay's claim, send and mark are part of every write's path
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from outbox_event where published_at is null").query(Long.class).single() == 0);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

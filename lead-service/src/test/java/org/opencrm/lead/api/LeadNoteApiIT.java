package org.opencrm.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class LeadNoteApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addsReadsUpdatesAndDeletesANoteStoringOnlySanitisedHtml() throws Exception {
        String lead = leadOf(SALES);
        ResultActions created = add(lead, as("manager"),
                "<p onclick=\"steal()\">Budget <strong>approved</strong><script>alert(1)</script></p>")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.leadId").value(lead))
            .andExpect(jsonPath("$.authorId").value("user-manager"))
            .andExpect(jsonPath("$.authorName").value("The manager"))
            .andExpect(jsonPath("$.body").value("<p>Budget <strong>approved</strong></p>"))
            .andExpect(jsonPath("$.version").value(0));
        String id = body(created).get("id").asString();
        String note = "/api/v1/leads/" + lead + "/notes/" + id;
        assertThat(created.andReturn().getResponse().getHeader("Location")).isEqualTo(note);

        mvc.perform(get(note).with(as("support"))).andExpect(status().isOk())
            .andExpect(jsonPath("$.body").value("<p>Budget <strong>approved</strong></p>"));
        mvc.perform(put(note).with(as("manager")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>Budget <em>signed</em></p>","version":0}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put(note).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>stale</p>","version":0}"""))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(delete(note).with(as("manager"))).andExpect(status().isNoContent());
        mvc.perform(get(note).with(as("manager"))).andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aSalesUserReadsAndAddsNotesOnTheLeadsAssignedToThemOnly() throws Exception {
        String mine = leadOf(SALES);
        String theirs = leadOf(SALES2);
        String theirNote = body(add(theirs, as("manager"), "<p>for the other seller</p>")).get("id").asString();

        add(mine, as("sales"), "<p>mine</p>").andExpect(status().isCreated());
        add(theirs, as("sales"), "<p>not mine</p>").andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/leads/" + theirs + "/notes").with(as("sales"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + theirs + "/notes/" + theirNote).with(as("sales")))
            .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/leads/" + theirs + "/notes/" + theirNote).with(as("sales")))
            .andExpect(status().isNotFound());
        add(mine, as("support"), "<p>support writes none</p>").andExpect(status().isForbidden());
    }

    @Test
    void theAuthorChangesTheirOwnNotesManagersAndAdminsAny() throws Exception {
        String lead = leadOf(SALES);
        String byManager = "/api/v1/leads/" + lead + "/notes/"
                + body(add(lead, as("manager"), "<p>by the manager</p>")).get("id").asString();
        String bySeller = "/api/v1/leads/" + lead + "/notes/"
                + body(add(lead, as("sales"), "<p>by the seller</p>")).get("id").asString();

        mvc.perform(put(byManager).with(as("sales")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>not yours</p>","version":0}""")).andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete(byManager).with(as("sales"))).andExpect(status().isForbidden());
        mvc.perform(put(bySeller).with(as("sales")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>by the seller, edited</p>","version":0}""")).andExpect(status().isOk());
        mvc.perform(put(bySeller).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>edited by the admin</p>","version":1}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.authorName").value("The sales"));
        mvc.perform(delete(bySeller).with(as("sales"))).andExpect(status().isNoContent());
    }

    @Test
    void refusesBodiesThatAreEmptyOrTooLargeAndInvalidRequestsWithProblems() throws Exception {
        String lead = leadOf(SALES);
        add(lead, as("admin"), "<script>alert(1)</script><img src=x onerror=alert(1)>")
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        // 60,000 '<' become 240,000 bytes of '&lt;': small as sent, too large once sanitised
        add(lead, as("admin"), "<".repeat(60_000)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        add(lead, as("admin"), "x".repeat(300_001)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        add(lead, as("admin"), "  ").andExpect(status().isBadRequest());
        add(UUID.randomUUID().toString(), as("admin"), "<p>no such lead</p>").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + lead + "/notes/not-a-uuid").with(as("admin")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/leads/" + lead + "/notes?size=0").with(as("admin")))
            .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/leads/" + lead + "/notes/" + UUID.randomUUID()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"<p>x</p>"}"""))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select count(*) from lead_note where lead_id = :lead").param("lead", UUID.fromString(lead))
            .query(Long.class).single()).isZero();
    }

    @Test
    void listsNotesNewestFirstPageByPageWithCursorsOfThatLeadOnly() throws Exception {
        String lead = leadOf(SALES);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(0, body(add(lead, as("manager"), "<p>note " + i + "</p>")).get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/leads/" + lead + "/notes").param("size", "2").with(as("sales"));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = body(mvc.perform(request).andExpect(status().isOk()));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        }
        while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(added);

        String firstCursor = body(mvc.perform(get("/api/v1/leads/" + lead + "/notes").param("size", "2")
            .with(as("manager")))).get("nextCursor").asString();
        mvc.perform(get("/api/v1/leads/" + leadOf(SALES) + "/notes").param("cursor", firstCursor).with(as("manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void addsOncePerIdempotencyKey() throws Exception {
        String lead = leadOf(SALES);
        String key = UUID.randomUUID().toString();
        String first = body(add(lead, as("manager"), "<p>once</p>", key)
            .andExpect(header().string("Idempotent-Replayed", "false"))).get("id").asString();
        String again = body(add(lead, as("manager"), "<p>once</p>", key)
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))).get("id").asString();
        assertThat(again).isEqualTo(first);
        add(lead, as("manager"), "<p>another</p>", key).andExpect(status().isUnprocessableContent());
    }

    @Test
    void writesNoteEventsKeyedByTheLeadInTheChangesTransactionAndTheNotesGoWithTheLead() throws Exception {
        UUID customerId = customer(jdbc, "Notes Ltd");
        String lead = create(mvc, json, as("manager"), customerId, "Fleet renewal", "100", "EUR", SALES).get("id")
            .asString();
        String id = body(add(lead, as("manager"), "<h2>Call</h2><p>Wants <strong>three</strong> seats &amp; more</p>"))
            .get("id").asString();
        mvc.perform(put("/api/v1/leads/" + lead + "/notes/" + id).with(as("manager"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                    {"body":"<p>Two seats</p>","version":0}""")).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/leads/" + lead + "/notes/" + id).with(as("manager")))
            .andExpect(status().isNoContent());

        List<JsonNode> events = jdbc.sql("""
                select payload::text from outbox_event where aggregate_id = :lead and type like 'lead.note-%'
                order by position""").param("lead", lead).query(String.class).list().stream()
            .map(json::readTree).toList();
        assertThat(events).extracting(event -> event.get("type").asString())
            .containsExactly("lead.note-added", "lead.note-updated", "lead.note-deleted");
        JsonNode added = events.get(0).get("payload");
        assertThat(added.get("leadId").asString()).isEqualTo(lead);
        assertThat(added.get("customerId").asString()).isEqualTo(customerId.toString());
        assertThat(added.get("leadTitle").asString()).isEqualTo("Fleet renewal");
        assertThat(added.get("noteId").asString()).isEqualTo(id);
        assertThat(added.get("authorName").asString()).isEqualTo("The manager");
        assertThat(added.get("excerpt").asString()).isEqualTo("Call Wants three seats & more");
        assertThat(events.get(2).get("payload").get("excerpt").asString()).isEqualTo("Two seats");

        add(lead, as("manager"), "<p>kept until the lead goes</p>").andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/leads/" + lead).with(as("manager"))).andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from lead_note where lead_id = :lead").param("lead", UUID.fromString(lead))
            .query(Long.class).single()).isZero();
    }

    private String leadOf(String assignee) throws Exception {
        return create(mvc, json, as("manager"), customer(jdbc, "Customer " + UUID.randomUUID()), "Deal", "10", "EUR",
                assignee).get("id").asString();
    }

    private ResultActions add(String lead, RequestPostProcessor caller, String html) throws Exception {
        return add(lead, caller, html, null);
    }

    private ResultActions add(String lead, RequestPostProcessor caller, String html, String key) throws Exception {
        var request = post("/api/v1/leads/" + lead + "/notes").with(caller).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(java.util.Map.of("body", html)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

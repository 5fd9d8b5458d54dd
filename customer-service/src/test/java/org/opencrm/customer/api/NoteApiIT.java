package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.Notes.customerOf;
import static org.opencrm.customer.api.Notes.quoted;
import static org.opencrm.customer.api.Notes.user;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class NoteApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addsReadsUpdatesAndDeletesANoteStoringOnlySanitisedHtml() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        ResultActions created = add(customer, as("manager"),
                "<p onclick=\"steal()\">Call <strong>back</strong><script>alert(1)</script> "
                        + "<a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.com\">good</a></p>")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.authorId").value("user-manager"))
            .andExpect(jsonPath("$.authorName").value("The manager"))
            .andExpect(jsonPath("$.version").value(0));
        JsonNode note = body(created);
        String id = note.get("id").asString();
        assertThat(created.andReturn().getResponse().getHeader("Location"))
            .isEqualTo("/api/v1/customers/" + customer + "/notes/" + id);
        String stored = jdbc.sql("select body from customer_note where id = :id").param("id", UUID.fromString(id))
            .query(String.class).single();
        assertThat(stored).isEqualTo(note.get("body").asString())
            .contains("<strong>back</strong>", "href=\"https://example.com\"", "nofollow", "noopener", "noreferrer")
            .doesNotContain("script", "javascript", "onclick", "steal");

        mvc.perform(get("/api/v1/customers/" + customer + "/notes/" + id).with(as("support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.body").value(stored));
        mvc.perform(put("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"<p>Called <em>back</em></p>","version":0}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.body").value("<p>Called <em>back</em></p>"))
            .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"<p>stale</p>","version":0}"""))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.title").value("Modified concurrently"));

        mvc.perform(delete("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager")))
            .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesBodiesThatAreEmptyOrTooLargeOnceSanitisedAndInvalidRequests() throws Exception {
        String customer = customerOf(mvc, json, as("admin"));
        add(customer, as("admin"), "<script>alert(1)</script><img src=x onerror=alert(1)>")
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        // 60,000 '<' become 240,000 bytes of '&lt;': small as sent, too large once sanitised
        add(customer, as("admin"), "<".repeat(60_000))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        add(customer, as("admin"), "x".repeat(300_001))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        add(customer, as("admin"), "  ").andExpect(status().isBadRequest());
        add(customer, as("admin"), "<p>" + "y".repeat(100_000) + "</p>").andExpect(status().isCreated());

        mvc.perform(post("/api/v1/customers/" + customer + "/notes").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":"))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/" + customer + "/notes/not-a-uuid").with(as("admin")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/" + customer + "/notes?size=0").with(as("admin")))
            .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/customers/" + customer + "/notes/" + UUID.randomUUID()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"<p>x</p>"}"""))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void answers404ForAnUnknownCustomerOrANoteOfAnotherCustomer() throws Exception {
        String customer = customerOf(mvc, json, as("admin"));
        String other = customerOf(mvc, json, as("admin"));
        String id = body(add(customer, as("admin"), "<p>mine</p>")).get("id").asString();

        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID() + "/notes").with(as("support")))
            .andExpect(status().isNotFound());
        add(UUID.randomUUID().toString(), as("admin"), "<p>nobody</p>").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + other + "/notes/" + id).with(as("admin")))
            .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/customers/" + other + "/notes/" + id).with(as("admin")))
            .andExpect(status().isNotFound());
    }

    @Test
    void theAuthorChangesTheirOwnNotesManagersAndAdminsAnySupportOnlyReads() throws Exception {
        String sellerId = "seller-" + UUID.randomUUID();
        RequestPostProcessor seller = user(sellerId, "sales");
        RequestPostProcessor otherSeller = user("seller-" + UUID.randomUUID(), "sales");
        String customer = customerOf(mvc, json, as("manager"));
        // written by the seller (whether a seller may add to this customer is the owner rule's business, tested below)
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into customer_note (id, customer_id, author_id, author_name, body, created_at, updated_at, version)
                values (:id, :customer, :author, 'User seller', '<p>by the seller</p>', now(), now(), 0)""")
            .param("id", id).param("customer", UUID.fromString(customer)).param("author", sellerId).update();
        String note = "/api/v1/customers/" + customer + "/notes/" + id;

        mvc.perform(put(note).with(otherSeller).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>not yours</p>","version":0}""")).andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete(note).with(otherSeller)).andExpect(status().isForbidden());
        mvc.perform(get(note).with(otherSeller)).andExpect(status().isOk());
        mvc.perform(delete(note).with(as("support"))).andExpect(status().isForbidden());
        add(customer, as("support"), "<p>support writes none</p>").andExpect(status().isForbidden());

        mvc.perform(put(note).with(seller).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>by the seller, edited</p>","version":0}""")).andExpect(status().isOk());
        mvc.perform(put(note).with(as("manager")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>edited by the manager</p>","version":1}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.authorName").value("User seller"));
        mvc.perform(delete(note).with(as("admin"))).andExpect(status().isNoContent());
    }

    @Test
    void aSalesUserAddsNotesToTheCustomersTheyOwnOnly() throws Exception {
        RequestPostProcessor owner = user("owner-" + UUID.randomUUID(), "sales");
        String customer = customerOf(mvc, json, owner);

        add(customer, owner, "<p>mine</p>").andExpect(status().isCreated());
        add(customer, user("seller-" + UUID.randomUUID(), "sales"), "<p>not my customer</p>")
            .andExpect(status().isForbidden());
        add(customer, as("manager"), "<p>a manager adds anywhere</p>").andExpect(status().isCreated());
    }

    @Test
    void listsNotesNewestFirstPageByPageWithoutGapsOrRepeats() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(0, body(add(customer, as("manager"), "<p>note " + i + "</p>")).get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/customers/" + customer + "/notes").param("size", "2").with(as("sales"));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = body(mvc.perform(request).andExpect(status().isOk()));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        }
        while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(added);

        String firstCursor = body(mvc.perform(get("/api/v1/customers/" + customer + "/notes").param("size", "2")
            .with(as("sales")))).get("nextCursor").asString();
        String other = customerOf(mvc, json, as("manager"));
        mvc.perform(get("/api/v1/customers/" + other + "/notes").param("cursor", firstCursor).with(as("sales")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void addsOncePerIdempotencyKey() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        String key = UUID.randomUUID().toString();
        String first = body(add(customer, as("manager"), "<p>once</p>", key)
            .andExpect(header().string("Idempotent-Replayed", "false"))).get("id").asString();
        String again = body(add(customer, as("manager"), "<p>once</p>", key)
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))).get("id").asString();
        assertThat(again).isEqualTo(first);
        add(customer, as("manager"), "<p>another</p>", key).andExpect(status().isUnprocessableContent());
    }

    @Test
    void writesNoteEventsWithAPlainTextExcerptInTheChangesTransaction() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        String id = body(add(customer, as("manager"), "<h2>Renewal</h2><p>Wants <strong>three</strong> seats &amp; "
                + "a discount</p>" + "<p>" + "more ".repeat(100) + "</p>")).get("id").asString();
        mvc.perform(put("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                    {"body":"<p>Two seats</p>","version":0}""")).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/customers/" + customer + "/notes/" + id).with(as("manager")))
            .andExpect(status().isNoContent());

        List<JsonNode> events = jdbc.sql("""
                select payload::text from outbox_event where aggregate_id = :customer and type like 'customer.note-%'
                order by position""").param("customer", customer).query(String.class).list().stream()
            .map(json::readTree).toList();
        assertThat(events).extracting(event -> event.get("type").asString())
            .containsExactly("customer.note-added", "customer.note-updated", "customer.note-deleted");
        JsonNode added = events.get(0).get("payload");
        assertThat(added.get("customerId").asString()).isEqualTo(customer);
        assertThat(added.get("noteId").asString()).isEqualTo(id);
        assertThat(added.get("authorId").asString()).isEqualTo("user-manager");
        assertThat(added.get("authorName").asString()).isEqualTo("The manager");
        assertThat(added.get("occurredAt").isNull()).isFalse();
        assertThat(added.get("excerpt").asString()).startsWith("Renewal Wants three seats & a discount more")
            .hasSizeLessThanOrEqualTo(200).endsWith("…");
        assertThat(events.get(1).get("payload").get("excerpt").asString()).isEqualTo("Two seats");
        assertThat(events.get(2).get("payload").get("excerpt").asString()).isEqualTo("Two seats");
    }

    private ResultActions add(String customer, RequestPostProcessor caller, String html) throws Exception {
        return add(customer, caller, html, null);
    }

    private ResultActions add(String customer, RequestPostProcessor caller, String html, String key) throws Exception {
        var request = post("/api/v1/customers/" + customer + "/notes").with(caller)
            .contentType(MediaType.APPLICATION_JSON).content("{\"body\":" + quoted(json, html) + "}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

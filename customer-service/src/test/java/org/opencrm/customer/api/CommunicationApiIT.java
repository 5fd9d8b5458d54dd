package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.Notes.customerOf;
import static org.opencrm.customer.api.Notes.quoted;
import static org.opencrm.customer.api.Notes.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class CommunicationApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supportLogsACallWithASanitisedBodyAndEveryReaderReadsIt() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        Instant when = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        JsonNode logged = body(log(customer, as("support"), """
                {"type":"CALL","direction":"INBOUND","subject":" Renewal question ",
                 "body":%s,"occurredAt":"%s","participants":[" Ada Lovelace ","ada@example.com"],
                 "durationMinutes":15}""".formatted(quoted(json,
                "<p>Asked about <em>pricing</em><img src=x onerror=alert(1)></p>"), when))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subject").value("Renewal question"))
            .andExpect(jsonPath("$.body").value("<p>Asked about <em>pricing</em></p>"))
            .andExpect(jsonPath("$.participants[0]").value("Ada Lovelace"))
            .andExpect(jsonPath("$.participants[1]").value("ada@example.com"))
            .andExpect(jsonPath("$.durationMinutes").value(15))
            .andExpect(jsonPath("$.occurredAt").value(when.toString()))
            .andExpect(jsonPath("$.loggedBy").value("user-support"))
            .andExpect(jsonPath("$.loggedByName").value("The support")));
        String id = logged.get("id").asString();

        for (String reader : List.of("sales", "support", "manager", "admin")) {
            mvc.perform(get("/api/v1/customers/" + customer + "/communications/" + id).with(as(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("CALL"));
        }
        log(customer, as("support"), """
                {"type":"EMAIL","direction":"OUTBOUND","subject":"Offer","occurredAt":"%s"}""".formatted(when))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.body").value(""))
            .andExpect(jsonPath("$.participants").isEmpty())
            .andExpect(jsonPath("$.durationMinutes").doesNotExist());
    }

    @Test
    void refusesBadInputWith400Or422NamingTheField() throws Exception {
        String customer = customerOf(mvc, json, as("admin"));
        String now = Instant.now().toString();
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"Later","occurredAt":"%s"}"""
            .formatted(Instant.now().plus(1, ChronoUnit.HOURS)), "occurredAt", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"Far","occurredAt":"+300000-01-01T00:00:00Z"}""",
                "occurredAt", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"Old","occurredAt":"1800-01-01T00:00:00Z"}""",
                "occurredAt", 400);
        expectInvalid(customer, """
                {"type":"FAX","direction":"INBOUND","subject":"Fax","occurredAt":"%s"}""".formatted(now), "type", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"SIDEWAYS","subject":"x","occurredAt":"%s"}""".formatted(now), "direction",
                400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"%s","occurredAt":"%s"}""".formatted("s".repeat(201), now),
                "subject", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":" ","occurredAt":"%s"}""".formatted(now), "subject", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s","durationMinutes":-1}"""
            .formatted(now), "durationMinutes", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s","durationMinutes":1441}"""
            .formatted(now), "durationMinutes", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s","participants":%s}"""
            .formatted(now, json.writeValueAsString(java.util.Collections.nCopies(21, "p"))), "participants", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s","participants":[""]}"""
            .formatted(now), "participants[0]", 400);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s","body":"%s"}"""
            .formatted(now, "<".repeat(60_000)), "body", 422);
        expectInvalid(customer, """
                {"type":"CALL","direction":"INBOUND","subject":"x"}""", "occurredAt", 400);
        log(UUID.randomUUID().toString(), as("admin"), """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s"}""".formatted(now))
            .andExpect(status().isNotFound());
        log(customer, as("admin"), """
                {"type":"CALL","direction":"INBOUND","subject":"x","occurredAt":"%s"}"""
            .formatted(Instant.now().plus(1, ChronoUnit.MINUTES)))
            .andExpect(status().isCreated());
    }

    @Test
    void aSalesUserLogsOnTheCustomersTheyOwnOnly() throws Exception {
        RequestPostProcessor owner = user("owner-" + UUID.randomUUID(), "sales");
        String customer = customerOf(mvc, json, owner);
        String entry = """
                {"type":"MEETING","direction":"OUTBOUND","subject":"Visit","occurredAt":"%s"}"""
            .formatted(Instant.now());

        log(customer, owner, entry).andExpect(status().isCreated());
        log(customer, user("seller-" + UUID.randomUUID(), "sales"), entry).andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        log(customer, as("support"), entry).andExpect(status().isCreated());
    }

    @Test
    void listsLatestFirstByWhenItHappenedPageByPage() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> latestFirst = new ArrayList<>();
        // logged in an order other than the one they happened in
        for (int day : new int[] { 3, 1, 4, 0, 2 }) {
            String id = body(log(customer, as("manager"), """
                    {"type":"MESSAGE","direction":"INBOUND","subject":"day %d","occurredAt":"%s"}"""
                .formatted(day, base.plus(day, ChronoUnit.DAYS)))).get("subject").asString();
            latestFirst.add(id);
        }
        latestFirst.sort(java.util.Comparator.reverseOrder());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/customers/" + customer + "/communications").param("size", "2")
                .with(as("support"));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = body(mvc.perform(request).andExpect(status().isOk()));
            page.get("items").forEach(item -> seen.add(item.get("subject").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        }
        while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(latestFirst);
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID() + "/communications").with(as("support")))
            .andExpect(status().isNotFound());
    }

    @Test
    void writesTheCommunicationLoggedEvent() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        Instant when = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        String id = body(log(customer, as("manager"), """
                {"type":"EMAIL","direction":"OUTBOUND","subject":"Quote","occurredAt":"%s"}""".formatted(when)))
            .get("id").asString();

        JsonNode event = json.readTree(jdbc.sql("""
                select payload::text from outbox_event
                where aggregate_id = :customer and type = 'customer.communication-logged'""")
            .param("customer", customer).query(String.class).single());
        JsonNode payload = event.get("payload");
        assertThat(payload.get("customerId").asString()).isEqualTo(customer);
        assertThat(payload.get("communicationId").asString()).isEqualTo(id);
        assertThat(payload.get("type").asString()).isEqualTo("EMAIL");
        assertThat(payload.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(payload.get("subject").asString()).isEqualTo("Quote");
        assertThat(Instant.parse(payload.get("occurredAt").asString())).isEqualTo(when);
        assertThat(payload.get("loggedBy").asString()).isEqualTo("user-manager");
        assertThat(payload.get("loggedByName").asString()).isEqualTo("The manager");
    }

    private void expectInvalid(String customer, String body, String field, int status) throws Exception {
        log(customer, as("admin"), body)
            .andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith(field)));
    }

    private ResultActions log(String customer, RequestPostProcessor caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/customers/" + customer + "/communications").with(caller)
            .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

package org.opencrm.lead.application;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.asUser;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scoring on the real database: explained, recomputed after an event and after a rule change, never in a user's way. */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(locations = "classpath:lead-scoring-test.properties")
class LeadScoringIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TransactionTemplate transactions;

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    private static final String ACTIVITIES = TestNamespace.topic("crm.activity");

    private final Map<UUID, String> sent = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void aRescoringBatchReadsTheScoresFromItsPositionOnWhicheverJoinIsPlanned() {
        // the plan PostgreSQL chose at 1M leads (a merge join over both primary keys), forced on the test's few rows
        String after = "'" + UUID.randomUUID() + "'";
        String outdated = LeadScoring.OUTDATED.replaceFirst("\\?", after).replaceFirst("\\?", after)
            .replaceFirst("\\?", "'v'").replaceFirst("\\?", "500");
        String plan = transactions.execute(status -> {
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql("set local enable_hashjoin = off").update();
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + outdated).query(String.class).list());
        });

        assertThat(plan).contains("Merge Left Join");
        // PostgreSQL does not carry l.id > x over to the scores by itself: the condition is the query's own
        assertThat(plan).contains("Index Cond: (lead_id > '" + after.replace("'", "") + "'::uuid)");
    }

    @Test
    void aNewLeadIsScoredWithEveryFactorExplained() throws Exception {
        UUID customerId = customer(jdbc, "Explained Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Explained", "12500.00", "EUR", null).get("id")
                .asString();

        JsonNode score = awaitScore(id, as("manager"));

        assertThat(score.get("ruleSetVersion").asString()).isNotBlank();
        assertThat(score.get("pending").asBoolean()).isFalse();
        int sum = 0;
        for (JsonNode factor : score.get("factors")) {
            sum += factor.get("points").asInt();
        }
        assertThat(score.get("score").asInt()).isEqualTo(Math.max(0, Math.min(100, sum)));
        assertThat(score.get("factors").findValuesAsString("name")).containsExactly("value", "source", "age",
                "status", "activity", "communication", "customer", "note", "payment");
        assertThat(score.get("factors").get(0).get("reason").asString())
                .isEqualTo("Value 12,500 EUR is at least 10,000");
        JsonNode lead = json.readTree(mvc.perform(get("/api/v1/leads/" + id).with(as("manager")))
                .andReturn().getResponse().getContentAsString());
        assertThat(lead.get("score").asInt()).isEqualTo(score.get("score").asInt());
        assertThat(history(id, as("manager"))).hasSize(1);
    }

    @Test
    void aLeadJustCreatedIsNotScoredYetAndSaysSo() throws Exception {
        UUID customerId = customer(jdbc, "Early Ltd");
        unseenByTheScoringJob(() -> {
            String id = create(mvc, json, as("manager"), customerId, "Early", "100", "EUR", null).get("id")
                .asString();
            JsonNode score = score(id);
            assertThat(score.get("score").isNull()).isTrue();
            assertThat(score.get("computedAt").isNull()).isTrue();
            assertThat(score.get("factors")).isEmpty();
            assertThat(score.get("pending").asBoolean()).isTrue();
        });
    }

    @Test
    void aScoreSaysWhileItsLeadWaitsToBeScoredAgain() throws Exception {
        UUID customerId = customer(jdbc, "Waiting Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Waits", "100", "EUR", null).get("id").asString();
        awaitScore(id, as("manager"));

        // due, as after a change
        unseenByTheScoringJob(() -> {
            jdbc.sql("insert into lead_score_due (lead_id, since) values (?::uuid, now()) on conflict do nothing")
                .param(id).update();
            assertThat(score(id).get("pending").asBoolean()).isTrue();
        });
        assertThat(score(id).get("pending").asBoolean()).isFalse();
    }

    @Test
    void aSalesUserSeesOnlyTheScoreOfTheirOwnLeads() throws Exception {
        UUID customerId = customer(jdbc, "Private Ltd");
        JsonNode lead = create(mvc, json, as("manager"), customerId, "Someone's", "100", "EUR", null);
        String id = lead.get("id").asString();
        awaitScore(id, as("manager"));

        mvc.perform(get("/api/v1/leads/" + id + "/score").with(asUser("not-the-owner", "sales")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + id + "/score/history").with(asUser("not-the-owner", "sales")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + id + "/score").with(asUser(lead.get("assignedTo").asString(), "sales")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/" + UUID.randomUUID() + "/score").with(as("manager")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCustomerEventRescoresTheCustomersLeads() throws Exception {
        UUID customerId = customer(jdbc, "Busy Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Busy", "100", "EUR", null).get("id").asString();
        JsonNode before = awaitScore(id, as("manager"));

        // what the customer.updated handler does to the customer facts it keeps
        jdbc.sql("update customer set name = 'Busier Ltd', changed_at = now() where id = ?").param(customerId).update();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(score(id).get("score").asInt())
                .isGreaterThan(before.get("score").asInt()));
        assertThat(factor(score(id), "customer").get("reason").asString()).startsWith("Customer updates: 2,");
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id = ? and type = 'lead.scored'").param(id)
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aLoggedCommunicationRescoresTheCustomersLeadsAndSaysWhy() throws Exception {
        UUID customerId = customer(jdbc, "Talkative Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Talks", "100", "EUR", null).get("id").asString();
        JsonNode before = awaitScore(id, as("manager"));
        assertThat(factor(before, "communication").get("reason").asString()).isEqualTo("No communications logged yet");

        Instant at = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        publish(CUSTOMERS, customerId, "customer.communication-logged", Map.of("customerId", customerId,
                "communicationId", UUID.randomUUID(), "type", "CALL", "direction", "OUTBOUND", "subject", "Intro",
                "occurredAt", at.toString(), "loggedBy", "user-sales", "loggedByName", "The sales"));
        UUID second = publish(CUSTOMERS, customerId, "customer.communication-logged", Map.of("customerId", customerId,
                "communicationId", UUID.randomUUID(), "type", "EMAIL", "direction", "INBOUND", "subject", "Re: Intro",
                "occurredAt", at.toString(), "loggedBy", "user-sales", "loggedByName", "The sales"));
        // the same event again (a redelivery) counts once
        republish(CUSTOMERS, customerId, second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "communication")
                .get("reason").asString()).isEqualTo("Communications logged: 2, the latest 2 days ago"));
        JsonNode after = score(id);
        // 3 points each and 5 for a recent one (config-repo/lead-service.yml)
        assertThat(factor(after, "communication").get("points").asInt()).isEqualTo(11);
        assertThat(after.get("score").asInt()).isEqualTo(Math.min(100, before.get("score").asInt() + 11));
    }

    @Test
    void followUpsCountAsActivitiesOfTheCustomer() throws Exception {
        UUID customerId = customer(jdbc, "Active Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Acts", "100", "EUR", null).get("id").asString();
        JsonNode before = awaitScore(id, as("manager"));
        assertThat(factor(before, "activity").get("points").asInt()).isZero();

        Instant at = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MILLIS);
        UUID followUp = UUID.randomUUID();
        for (String type : List.of("follow-up.created", "follow-up.due", "follow-up.completed")) {
            Map<String, Object> payload = new java.util.HashMap<>(Map.of("followUpId", followUp,
                    "customerId", customerId, "title", "Call back", "dueAt", at.toString(), "assignee", "user-sales",
                    "status", "OPEN", "occurredAt", at.toString(), "actorId", "user-sales"));
            payload.put("leadId", null);
            publish(ACTIVITIES, followUp, type, payload);
        }

        // created and completed count; a follow-up falling due is no sign of the customer's interest
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "activity")
                .get("reason").asString()).isEqualTo("Follow-ups: 2, the latest 20 days ago"));
        assertThat(factor(score(id), "activity").get("points").asInt()).isEqualTo(4);
    }

    @Test
    void notesOnTheLeadAndOnItsCustomerCountAsNotes() throws Exception {
        UUID customerId = customer(jdbc, "Noted Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Noted", "100", "EUR", null).get("id").asString();
        JsonNode before = awaitScore(id, as("manager"));
        assertThat(factor(before, "note").get("reason").asString()).isEqualTo("No notes yet");

        Instant at = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MILLIS);
        publish(CUSTOMERS, customerId, "customer.note-added", Map.of("customerId", customerId,
                "noteId", UUID.randomUUID(), "authorId", "user-sales", "authorName", "The sales",
                "excerpt", "Met them at the fair", "occurredAt", at.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "note")
                .get("reason").asString()).isEqualTo("Notes: 1, the latest 20 days ago"));
        assertThat(factor(score(id), "note").get("points").asInt()).isEqualTo(2);

        String note = "/api/v1/leads/" + id + "/notes/" + json.readTree(mvc.perform(post("/api/v1/leads/" + id
                + "/notes").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"<p>Budget approved</p>\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        // 2 points each and 5 for a recent one (config-repo/lead-service.yml)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "note")
                .get("reason").asString()).isEqualTo("Notes: 2, the latest today"));
        assertThat(factor(score(id), "note").get("points").asInt()).isEqualTo(9);

        mvc.perform(delete(note).with(as("manager"))).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(factor(score(id), "note")
                .get("reason").asString()).isEqualTo("Notes: 1, the latest 20 days ago"));
    }

    @Test
    void aRuleChangeRescoresEveryLeadWithoutTouchingTheVersionUsersEditAgainst() throws Exception {
        UUID customerId = customer(jdbc, "Rules Ltd");
        String id = create(mvc, json, as("manager"), customerId, "Rules", "100", "EUR", null).get("id").asString();
        JsonNode before = awaitScore(id, as("manager"));
        long version = lead(id).get("version").asLong();
        String oldVersion = before.get("ruleSetVersion").asString();

        ConfigurableEnvironment environment = (ConfigurableEnvironment) context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("changed-rules", Map.of(
                "crm.leads.scoring.version", "it-" + UUID.randomUUID(), "crm.leads.scoring.source.WEB", "40")));
        try {
            context.publishEvent(new EnvironmentChangeEvent(context, java.util.Set.of("crm.leads.scoring.version",
                    "crm.leads.scoring.source.WEB")));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(score(id).get("ruleSetVersion")
                    .asString()).isNotEqualTo(oldVersion));
            JsonNode after = score(id);
            assertThat(factor(after, "source").get("points").asInt()).isEqualTo(40);
            assertThat(after.get("score").asInt()).isNotEqualTo(before.get("score").asInt());
            assertThat(history(id, as("manager"))).extracting(entry -> entry.get("ruleSetVersion").asString())
                    .containsExactly(after.get("ruleSetVersion").asString(), oldVersion);
            assertThat(lead(id).get("version").asLong()).isEqualTo(version);

            // the user's edit against the version read before the rescoring still goes through
            mvc.perform(put("/api/v1/leads/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"title":"Edited","source":"WEB","value":"100","currency":"EUR","version":%d}"""
                            .formatted(version)))
                    .andExpect(status().isOk());
        }
        finally {
            environment.getPropertySources().remove("changed-rules");
            context.publishEvent(new EnvironmentChangeEvent(context, java.util.Set.of("crm.leads.scoring.version")));
        }
    }

    /** Runs the steps in a transaction rolled back afterwards: the scoring job sees nothing they write. */
    private void unseenByTheScoringJob(Executable steps) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                steps.execute();
            }
            catch (AssertionError | RuntimeException failure) {
                throw failure;
            }
            catch (Throwable failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    private UUID publish(String topic, UUID key, String type, Map<String, Object> payload) throws Exception {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> envelope = new java.util.HashMap<>(Map.of("id", eventId, "type", type, "version", 1,
                "occurredAt", Instant.now().toString(), "aggregateType", type.substring(0, type.indexOf('.')),
                "aggregateId", key.toString(), "producer", "test", "correlationId", "corr-" + eventId,
                "actor", "user-sales", "payload", payload));
        String message = json.writeValueAsString(envelope);
        sent.put(eventId, message);
        kafka.send(topic, key.toString(), message).get();
        return eventId;
    }

    private void republish(String topic, UUID key, UUID eventId) throws Exception {
        kafka.send(topic, key.toString(), sent.get(eventId)).get();
    }

    private JsonNode awaitScore(String id, org.springframework.test.web.servlet.request.RequestPostProcessor caller) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = mvc.perform(get("/api/v1/leads/" + id + "/score").with(caller)).andReturn().getResponse();
            return response.getStatus() == 200 ? json.readTree(response.getContentAsString()) : null;
        }, score -> score != null && !score.get("score").isNull());
    }

    private JsonNode score(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/leads/" + id + "/score").with(as("manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<JsonNode> history(String id,
            org.springframework.test.web.servlet.request.RequestPostProcessor caller) throws Exception {
        JsonNode history = json.readTree(mvc.perform(get("/api/v1/leads/" + id + "/score/history").with(caller))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> entries = new java.util.ArrayList<>();
        history.forEach(entries::add);
        return entries;
    }

    private JsonNode lead(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/leads/" + id).with(as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static JsonNode factor(JsonNode score, String name) {
        for (JsonNode factor : score.get("factors")) {
            if (factor.get("name").asString().equals(name)) {
                return factor;
            }
        }
        throw new AssertionError("no factor " + name + " in " + score);
    }
}

package org.opencrm.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.payment.support.Fixtures.as;
import static org.opencrm.payment.support.Fixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exceptions cost a stack walk each: none may be thrown while payments are recorded, settled, refunded and read. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class NormalPathExceptionsIT {

    static final RequestPostProcessor MANAGER = as("user-manager", "manager");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsSettlesRefundsReadsAndPublishesWithoutThrowing() throws Exception {
        assertThat(ThrownExceptions.during(this::everyUseCase)).isEmpty();
    }

    private void everyUseCase() throws Exception {
        Fixtures fixtures = new Fixtures(jdbc);
        UUID customer = fixtures.customer("Normal Ltd", "user-sales");
        UUID lead = fixtures.lead(customer, "Renewal", "user-sales");
        String key = UUID.randomUUID().toString();
        String recorded = """
                {"customerId":"%s","leadId":"%s","amount":"40.00","currency":"EUR","method":"CARD","externalRef":"%s"}"""
            .formatted(customer, lead, unique("ref"));
        JsonNode paid = body(record(key, recorded).andExpect(status().isCreated()));
        // the same key again: the first answer, replayed
        record(key, recorded).andExpect(status().isCreated());
        String id = paid.get("id").asString();
        JsonNode pending = body(record(UUID.randomUUID().toString(), """
                {"customerId":"%s","amount":"1200","currency":"JPY","method":"BANK_TRANSFER","status":"PENDING"}"""
            .formatted(customer)).andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/payments/{id}/status", pending.get("id").asString()).with(MANAGER)
            .contentType(MediaType.APPLICATION_JSON).content("""
                    {"status":"COMPLETED","version":%d}""".formatted(pending.get("version").asLong())))
            .andExpect(status().isOk());
        mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", UUID.randomUUID().toString()).content("""
                    {"amount":"15.00","reason":"partly returned"}"""))
            .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/payments/{id}", id).with(as("user-sales", "sales"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments/{id}/history", id).with(MANAGER)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments/totals").param("customerId", customer.toString()).with(MANAGER))
            .andExpect(status().isOk());
        JsonNode first = body(mvc.perform(get("/api/v1/payments").param("customerId", customer.toString())
            .param("size", "1").with(MANAGER)).andExpect(status().isOk()));
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString()).param("size", "1")
            .param("cursor", first.get("nextCursor").asString()).with(MANAGER)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments").param("status", "PARTIALLY_REFUNDED").param("currency", "EUR")
            .with(MANAGER)).andExpect(status().isOk());
        // the relay's claim, send and mark are part of every write's path
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from outbox_event where published_at is null").query(Long.class).single() == 0);
    }

    private ResultActions record(String idempotencyKey, String body) throws Exception {
        return mvc.perform(post("/api/v1/payments").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", idempotencyKey).content(body));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

package org.opencrm.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.payment.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** Exactly once: a payment or refund with an Idempotency-Key is made once, however often and concurrently it is sent. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class IdempotencyIT {

    private static final RequestPostProcessor SALES = as("user-sales", "sales");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void twentyConcurrentPostsWithOneKeyRecordOnePaymentAndAnswerAllTheSame() throws Exception {
        Fixtures fixtures = new Fixtures(jdbc);
        UUID customer = fixtures.customer("Race Ltd", "user-sales");
        String key = UUID.randomUUID().toString();
        String body = """
                {"customerId":"%s","amount":"19.99","currency":"EUR","method":"CARD"}""".formatted(customer);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/payments").with(SALES).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", key).content(body)).andReturn().getResponse();
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int replayed = 0;
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
            ids.add(json.readTree(response.getContentAsString()).get("id").asString());
            replayed += "true".equals(response.getHeader("Idempotent-Replayed")) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(replayed).isEqualTo(threads - 1);
        assertThat(fixtures.count("payment", "customer_id", customer)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id = :id")
            .param("id", ids.iterator().next()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void repeatsTheAnswerForTheSameBodyAndRefusesAnotherBodyUnderTheSameKey() throws Exception {
        UUID customer = new Fixtures(jdbc).customer("Retry Ltd", "user-sales");
        String key = UUID.randomUUID().toString();
        String first = send("/api/v1/payments", key, """
                {"customerId":"%s","amount":"12.5","currency":"EUR","method":"CARD"}""".formatted(customer))
            .getContentAsString();
        // the same amount written otherwise is the same request
        MockHttpServletResponse again = send("/api/v1/payments", key, """
                {"customerId":"%s","amount":12.50,"currency":"EUR","method":"CARD"}""".formatted(customer));
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(json.readTree(again.getContentAsString()).get("id"))
            .isEqualTo(json.readTree(first).get("id"));
        MockHttpServletResponse other = send("/api/v1/payments", key, """
                {"customerId":"%s","amount":"13.00","currency":"EUR","method":"CARD"}""".formatted(customer));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void refundsOncePerKey() throws Exception {
        UUID customer = new Fixtures(jdbc).customer("Refund Ltd", "user-sales");
        String id = json.readTree(send("/api/v1/payments", UUID.randomUUID().toString(), """
                {"customerId":"%s","amount":"10.00","currency":"EUR","method":"CARD"}""".formatted(customer))
            .getContentAsString()).get("id").asString();
        String key = UUID.randomUUID().toString();
        RequestPostProcessor manager = as("user-manager", "manager");
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(manager)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).content("{\"amount\":\"4.00\"}"))
                .andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(json.readTree(response.getContentAsString()).get("payment").get("refundedAmount").asString())
                .isEqualTo("4.00");
        }
        assertThat(new Fixtures(jdbc).count("refund", "payment_id", UUID.fromString(id))).isEqualTo(1);
        assertThat(mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(manager)
            .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).content("{\"amount\":\"5.00\"}"))
            .andReturn().getResponse().getStatus()).isEqualTo(422);
    }

    private MockHttpServletResponse send(String path, String key, String body) throws Exception {
        return mvc.perform(post(path).with(SALES).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", key).content(body)).andReturn().getResponse();
    }
}

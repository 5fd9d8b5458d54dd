package org.opencrm.payment.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.payment.application.WebhookSignature;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** A provider's webhooks over real HTTP without a token: signed, fresh and new ones move payments, nothing else. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class ProviderEventsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Value("${crm.payments.provider.secret}")
    String secret;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    WebhookSignature provider;

    Fixtures fixtures;

    UUID customer;

    @BeforeEach
    void provider() {
        provider = new WebhookSignature(secret, Duration.ofMinutes(5), Clock.systemUTC());
        fixtures = new Fixtures(jdbc);
        customer = fixtures.customer("Hook Ltd", "user-sales");
    }

    @Test
    void completesAPendingPaymentOnceWhateverTheReplays() throws Exception {
        String ref = payment("PENDING", "25.00");
        String id = "msg_" + UUID.randomUUID();
        String body = event("payment.succeeded", ref, null);
        HttpResponse<String> first = send(id, now(), body, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(status(ref)).isEqualTo("COMPLETED");
        long history = history(ref);

        HttpResponse<String> replay = send(id, now(), body, null);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("replayed");
        assertThat(history(ref)).isEqualTo(history);
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'payment.status-changed' and aggregate_id = "
                + "(select id::text from payment where external_ref = :ref)").param("ref", ref).query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void failsAPendingPaymentAndIgnoresAMoveTheStatusDoesNotAllow() throws Exception {
        String ref = payment("PENDING", "25.00");
        assertThat(send("msg_" + UUID.randomUUID(), now(), event("payment.failed", ref, null), null).statusCode())
            .isEqualTo(200);
        assertThat(status(ref)).isEqualTo("FAILED");
        // out of order at the provider: answered 200 (a refusal would be retried for days), and the payment stays
        HttpResponse<String> late = send("msg_" + UUID.randomUUID(), now(), event("payment.succeeded", ref, null),
                null);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("\"outcome\":\"ignored\"");
        assertThat(status(ref)).isEqualTo("FAILED");
    }

    @Test
    void refundsTheAmountGivenThenTheRest() throws Exception {
        String ref = payment("COMPLETED", "30.00");
        assertThat(send("msg_" + UUID.randomUUID(), now(), event("payment.refunded", ref, "10.00"), null).statusCode())
            .isEqualTo(200);
        assertThat(status(ref)).isEqualTo("PARTIALLY_REFUNDED");
        HttpResponse<String> tooMuch = send("msg_" + UUID.randomUUID(), now(), event("payment.refunded", ref, "25.00"),
                null);
        assertThat(tooMuch.statusCode()).isEqualTo(200);
        assertThat(tooMuch.body()).contains("\"outcome\":\"ignored\"");
        assertThat(status(ref)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(send("msg_" + UUID.randomUUID(), now(), event("payment.refunded", ref, null), null).statusCode())
            .isEqualTo(200);
        assertThat(status(ref)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select refunded_amount from payment where external_ref = :ref").param("ref", ref)
            .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("30.00");
    }

    @Test
    void refusesUnsignedBadlySignedAndStaleEventsWith401Problems() throws Exception {
        String ref = payment("PENDING", "25.00");
        String body = event("payment.succeeded", ref, null);
        String id = "msg_" + UUID.randomUUID();
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(uri())
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send(id, now(), body, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").statusCode()).isEqualTo(401);
        String stale = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        assertThat(send(id, stale, body, null).statusCode()).isEqualTo(401);
        // signed for another body
        assertThat(send(id, now(), body, provider.signature(id, now(), "{}".getBytes(StandardCharsets.UTF_8)))
            .statusCode()).isEqualTo(401);
        assertThat(status(ref)).isEqualTo("PENDING");
        // none of them used up the id: the genuine delivery still applies
        assertThat(send(id, now(), body, null).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnEventForAnUnknownPaymentWith202AndChangesNothing() throws Exception {
        HttpResponse<String> answer = send("msg_" + UUID.randomUUID(), now(),
                event("payment.succeeded", "unknown-" + UUID.randomUUID(), null), null);
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    @Test
    void refusesASignedEventThatIsNoProviderEvent() throws Exception {
        assertThat(send("msg_" + UUID.randomUUID(), now(), "{\"type\":\"payment.exploded\",\"data\":{\"externalRef\":\"x\"}}",
                null).statusCode()).isEqualTo(422);
        assertThat(send("msg_" + UUID.randomUUID(), now(), "not json", null).statusCode()).isEqualTo(400);
        assertThat(send("msg_" + UUID.randomUUID(), now(), "{\"type\":\"payment.failed\"}", null).statusCode())
            .isEqualTo(422);
    }

    private String payment(String status, String amount) {
        String ref = "prov-" + UUID.randomUUID();
        jdbc.sql("""
                insert into payment (id, customer_id, amount, currency, status, method, external_ref, refunded_amount,
                                     created_at, updated_at, created_by, created_by_name, version)
                values (:id, :customer, :amount, 'EUR', :status, 'CARD', :ref, 0, now(), now(), 'test', 'Test', 0)""")
            .param("id", UUID.randomUUID()).param("customer", customer)
            .param("amount", new java.math.BigDecimal(amount)).param("status", status).param("ref", ref).update();
        return ref;
    }

    private String event(String type, String ref, String amount) {
        java.util.Map<String, Object> data = new java.util.HashMap<>();
        data.put("externalRef", ref);
        if (amount != null) {
            data.put("amount", amount);
            data.put("currency", "EUR");
        }
        return json.writeValueAsString(java.util.Map.of("type", type, "data", data));
    }

    private HttpResponse<String> send(String id, String timestamp, String body, String signature) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
            .header("webhook-id", id).header("webhook-timestamp", timestamp)
            .header("webhook-signature", signature != null ? signature : provider.signature(id, timestamp, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/payments/provider-events");
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private String status(String ref) {
        return jdbc.sql("select status from payment where external_ref = :ref").param("ref", ref).query(String.class)
            .single();
    }

    private long history(String ref) {
        return jdbc.sql("select count(*) from field_change where aggregate_id = (select id from payment where "
                + "external_ref = :ref)").param("ref", ref).query(Long.class).single();
    }
}

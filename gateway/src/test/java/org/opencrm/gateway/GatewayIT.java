package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.platform.test.ClosedPorts.closedPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.gateway.DownstreamStub.Received;
import org.opencrm.gateway.services.ServiceList;
import org.opencrm.permissions.PermissionTable;
import org.opencrm.platform.test.KeycloakEndpoint;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against real Keycloak tokens and a real Redis, routing {@code lb://} through Spring Cloud's simple
 * discovery client to an in-test stub service (and to a closed port, and to a service with no instance).
 */
@GatewayTest
@TestPropertySource(properties = {
        "crm.gateway.cors.allowed-origins=http://localhost:5173",
        // every relay of a browser session's token refreshes it first (the realm's tokens live 300 s)
        "crm.gateway.session.refresh-before-expiry=300s",
        // one request empties the bucket, which refills only after a minute
        "crm.gateway.rate-limit.routes.notification-service.replenish-rate=1",
        "crm.gateway.rate-limit.routes.notification-service.burst-capacity=60",
        "crm.gateway.rate-limit.routes.notification-service.requested-tokens=60",
        // limits these tests' loops cannot reach, however fast they run (AnonymousBoundsIT tests the anonymous one):
        // the permission table's anonymous calls (one per operation) and the keep-alive test's 150 proxied requests
        "crm.gateway.anonymous-rate-limit.replenish-rate=100000",
        "crm.gateway.anonymous-rate-limit.burst-capacity=200000",
        "crm.gateway.rate-limit.clients.crm-partner-demo.replenish-rate=100000",
        "crm.gateway.rate-limit.clients.crm-partner-demo.burst-capacity=200000",
        "resilience4j.timelimiter.instances.payment-service.timeout-duration=500ms",
        "resilience4j.timelimiter.instances.reporting-service.timeout-duration=500ms",
        // the permission matrix calls the unreachable activity-service several times: keep its circuit closed
        "resilience4j.circuitbreaker.instances.activity-service.minimum-number-of-calls=1000",
        "management.tracing.sampling.probability=1.0" })
@Import({ KeycloakTestConfiguration.class, RedisTestConfiguration.class, StandInOperations.class })
class GatewayIT {

    private static final String PASSWORD = "crm-demo";

    private static final DownstreamStub STUB = new DownstreamStub();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ServiceList serviceList;

    @Autowired
    LettuceConnectionFactory redis;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreamInstances(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        for (String service : List.of("customer-service", "payment-service", "notification-service", "reporting-service")) {
            registry.add(instances + service + "[0].uri", STUB::uri);
        }
        registry.add(instances + "activity-service[0].uri", () -> "http://127.0.0.1:" + closedPort());
        // lead-service: deliberately no instance
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @Test
    void refusesApiCallWithoutTokenWith401Problem() {
        client.get().uri("/api/v1/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void relaysAProvidersSignedEventWithoutATokenToPaymentService() {
        client.post().uri("/api/v1/payments/provider-events").contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", "msg_gateway").header("webhook-timestamp", "1614265330")
                .header("webhook-signature", "v1,c2lnbmF0dXJl")
                .bodyValue("{\"type\":\"payment.succeeded\",\"data\":{\"externalRef\":\"x\"}}").exchange()
                .expectStatus().isOk();

        List<Received> received = STUB.received("POST", "/api/v1/payments/provider-events");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).header("webhook-signature")).contains("v1,c2lnbmF0dXJl");
        // public means this one operation: the rest of the payments API still wants a token
        client.post().uri("/api/v1/payments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/payments/provider-events").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAProviderEventOver64KilobytesWith413() {
        client.post().uri("/api/v1/payments/provider-events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(STUB.received("POST", "/api/v1/payments/provider-events").stream()
                .filter(r -> r.header("webhook-id").isEmpty()).toList()).isEmpty();
    }

    @Test
    void relaysValidTokenUnchangedToTheService() {
        String token = keycloak().passwordToken("sales1", PASSWORD);

        client.get().uri("/api/v1/customers/relay-check").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);

        List<Received> received = STUB.received("GET", "/api/v1/customers/relay-check");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).header("Authorization")).contains("Bearer " + token);
    }

    @Test
    void letsPartnerClientWithScopeThrough() {
        String token = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret", "customers:read");

        client.get().uri("/api/v1/customers/partner-check").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesPartnerClientWithoutCrmScopeWith403() {
        String token = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret");

        client.get().uri("/api/v1/customers/no-scope").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(STUB.received("GET", "/api/v1/customers/no-scope")).isEmpty();
    }

    @Test
    void answersEveryOperationOfThePermissionTableForEveryRoleScopeAndAnonymousCaller() {
        // activity-service has no live instance here (503) and /api/v1/users is not routed yet (404): both are
        // "let through", which is what the gateway decides
        PermissionMatrix.against("http://127.0.0.1:" + port).allowingServerErrors()
                .verify(PermissionTable.load().operations());
    }

    /**
     * A client sends its next request the moment an answer arrives, while the gateway may still be finishing the
     * exchange behind that answer (the rate limiter's Redis call). Reactor Netty 1.3.6 queued such a request and, about
     * once in thirty, never answered it: the connection hung until the client gave up (reactor-netty#4188, fixed in the
     * version the build pins). Proxied answers and refusals alternate here on one keep-alive connection.
     */
    @Test
    void answersEveryRequestOnAKeepAliveConnectionWhateverTheAnswerBefore() throws Exception {
        String reader = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret", "customers:read");
        String other = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret", "leads:read");
        HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Integer> statuses = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i % 2 == 0 ? 200 : 403);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/customers/keep-alive"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + (i % 2 == 0 ? reader : other))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            statuses.add(oneConnection.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        assertThat(statuses).isEqualTo(expected);
    }

    @Test
    void refusesAReadScopedPartnerEverythingButReadingCustomers() {
        String token = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret", "customers:read");

        client.post().uri("/api/v1/customers").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/activities").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/customers/anything/else").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();

        assertThat(STUB.received("POST", "/api/v1/payments")).isEmpty();
    }

    @Test
    void refusesDeleteBySupportWith403ProblemWithoutCallingTheService() {
        String token = keycloak().passwordToken("support", PASSWORD);

        client.delete().uri("/api/v1/customers/x").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.title").isEqualTo("Forbidden");

        assertThat(STUB.received("DELETE", "/api/v1/customers/x")).isEmpty();
    }

    @Test
    void letsManagerDeleteCustomers() {
        String token = keycloak().passwordToken("manager", PASSWORD);

        client.delete().uri("/api/v1/customers/by-manager").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        assertThat(STUB.received("DELETE", "/api/v1/customers/by-manager")).hasSize(1);
    }

    @Test
    void forwardsDocumentUploadsUpToTheirOwnLimitWhileOtherCustomerCallsKeep1Mb() {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        String documents = "/api/v1/customers/" + java.util.UUID.randomUUID() + "/documents";

        client.post().uri(documents).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[5 * 1024 * 1024]).exchange()
                .expectStatus().isOk();
        assertThat(STUB.received("POST", documents)).hasSize(1);

        client.post().uri(documents).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[22 * 1024 * 1024]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.put().uri("/api/v1/customers/large-body").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[2 * 1024 * 1024]).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(STUB.received("POST", documents)).hasSize(1);
        assertThat(STUB.received("PUT", "/api/v1/customers/large-body")).isEmpty();
    }

    @Test
    void forwardsCustomerImportsUpTo5MbAndExportsOnTheirOwnRoute() {
        String sales = keycloak().passwordToken("sales1", PASSWORD);
        String manager = keycloak().passwordToken("manager", PASSWORD);

        client.post().uri("/api/v1/customers/import").headers(h -> h.setBearerAuth(sales))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[3 * 1024 * 1024]).exchange()
                .expectStatus().isOk();
        client.post().uri("/api/v1/customers/import").headers(h -> h.setBearerAuth(sales))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[6 * 1024 * 1024]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/v1/customers/export").headers(h -> h.setBearerAuth(sales)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/customers/export").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isOk();
        assertThat(STUB.received("POST", "/api/v1/customers/import")).hasSize(1);
        assertThat(STUB.received("GET", "/api/v1/customers/export")).hasSize(1);
    }

    @Test
    void refusesTokenWithTamperedSignatureWith401() {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        int signatureStart = token.lastIndexOf('.') + 1;
        int at = signatureStart + 10;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + flipped + token.substring(at + 1);

        client.get().uri("/api/v1/customers/tampered").headers(h -> h.setBearerAuth(tampered)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));

        assertThat(STUB.received("GET", "/api/v1/customers/tampered")).isEmpty();
    }

    @Test
    void refusesTokenForAnotherAudienceWith401() {
        // an ID token: signed by the same realm, but its audience is the client crm-dev, not crm-api
        String idToken = idToken("sales1");

        client.get().uri("/api/v1/customers/id-token").headers(h -> h.setBearerAuth(idToken)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("aud"));

        assertThat(STUB.received("GET", "/api/v1/customers/id-token")).isEmpty();
    }

    @Test
    void answers429WithRetryAfterWhenTheBucketIsEmpty() {
        String token = keycloak().passwordToken("sales2", PASSWORD);

        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 3 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/notifications")
                    .headers(h -> h.setBearerAuth(token)).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }

        assertThat(refused).as("a 429 within three requests").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        String body = new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(JsonMapper.shared().readTree(body).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void answers503ProblemFastWhenTheInstanceIsDown() {
        String token = keycloak().passwordToken("sales1", PASSWORD);

        long start = System.nanoTime();
        client.get().uri("/api/v1/activities").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("activity-service")
                .jsonPath("$.detail").isEqualTo("activity-service is unavailable")
                .jsonPath("$.reason").isEqualTo("unreachable");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void routesACustomersTimelineToActivityServiceAndTheCustomerItselfToCustomerService() {
        String token = keycloak().passwordToken("sales1", PASSWORD);

        // activity-service's instance is down here: its fallback answering proves where the timeline was routed
        client.get().uri("/api/v1/customers/route-check/timeline").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("activity-service");
        client.get().uri("/api/v1/customers/route-check").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        assertThat(STUB.received("GET", "/api/v1/customers/route-check/timeline")).isEmpty();
        assertThat(STUB.received("GET", "/api/v1/customers/route-check")).hasSize(1);
    }

    @Test
    void answers503ProblemWhenNoInstanceIsRegistered() {
        String token = keycloak().passwordToken("sales1", PASSWORD);

        client.get().uri("/api/v1/leads").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("lead-service")
                .jsonPath("$.reason").isEqualTo("no-instance");
    }

    @Test
    void answers503ProblemWhenTheServiceIsSlowerThanTheRouteTimeout() {
        String token = keycloak().passwordToken("sales1", PASSWORD);

        long start = System.nanoTime();
        client.get().uri("/api/v1/payments/slow").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("payment-service")
                .jsonPath("$.reason").isEqualTo("timeout");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
    }

    @Test
    void keepsAReportStreamOpenBeyondTheTimeLimiterAndWritesEachEventThrough() throws Exception {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/reports/stream?stub=stream")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(15)).build();

        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = HTTP.send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        long[] firstEventAt = { 0 };
        try (Stream<String> body = response.body()) {
            body.forEach(line -> {
                if (line.startsWith("data:") && firstEventAt[0] == 0) {
                    firstEventAt[0] = System.nanoTime();
                }
                lines.add(line);
            });
        }
        Duration open = Duration.ofNanos(System.nanoTime() - start);
        Duration firstEvent = Duration.ofNanos(firstEventAt[0] - start);

        assertThat(lines).containsSubsequence("id: 1", "event: dashboard", "data: {\"n\":1}", ": heartbeat", "id: 2",
                "event: changed", "data: {\"n\":2}");
        // longer than reporting-service's time limiter (500 ms here), and the first event came before the pause
        assertThat(open).isGreaterThanOrEqualTo(Duration.ofMillis(DownstreamStub.STREAM_PAUSE_MILLIS));
        assertThat(firstEvent).isLessThan(open.minusMillis(DownstreamStub.STREAM_PAUSE_MILLIS / 2));
        assertThat(STUB.received("GET", "/api/v1/reports/stream")).anySatisfy(
                received -> assertThat(received.header("Authorization")).hasValue("Bearer " + token));
    }

    @Test
    void givesReportExportsLongerThanTheOtherReportCalls() {
        String token = keycloak().passwordToken("manager", PASSWORD);

        client.get().uri("/api/v1/reports/funnel/export?stub=delay").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/reports/funnel?stub=delay").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.reason").isEqualTo("timeout");
    }

    @Test
    void continuesIncomingTraceAndTellsTheClientItsTraceId() {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        client.get().uri("/api/v1/customers/traced").headers(h -> h.setBearerAuth(token))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Trace-Id", traceId);

        List<Received> received = STUB.received("GET", "/api/v1/customers/traced");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).header("traceparent")).hasValueSatisfying(
                tp -> assertThat(tp).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void tracesNoRedisCommandSoADroppedConnectionCannotEndAnUnstartedSpan() {
        assertThat(redis.getClientResources()).isNotNull();
        assertThat(redis.getClientResources().tracing().isEnabled()).isFalse();
    }

    @Test
    void startsTraceWhenNoneComesIn() {
        client.get().uri("/api/v1/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("X-Trace-Id", id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void acceptsPreflightFromAllowedOrigin() {
        client.options().uri("/api/v1/customers")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    @Test
    void refusesPreflightFromOtherOrigin() {
        client.options().uri("/api/v1/customers")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void setsSecurityHeadersOnEveryKindOfResponse() {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        assertSecurityHeaders(client.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody().returnResult());
        assertSecurityHeaders(client.get().uri("/api/v1/customers").exchange().expectStatus().isUnauthorized()
                .expectBody().returnResult());
        assertSecurityHeaders(client.get().uri("/api/v1/customers/headers").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().returnResult());
    }

    @Test
    void servesHealthAndServiceApiDocsWithoutToken() {
        client.get().uri("/readyz").exchange().expectStatus().isOk();

        client.get().uri("/v3/api-docs/customer-service").exchange().expectStatus().isOk();
        assertThat(STUB.received("GET", "/v3/api-docs")).isNotEmpty();

        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(serviceList.services().size())
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls)
                        .contains("/v3/api-docs/customer-service", "/v3/api-docs/reporting-service"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().value(s -> assertThat(s).isIn(200, 302));
        client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
        // springdoc's initializer, pointing the UI at the gateway's documents (the webjar's own shows a demo API)
        client.get().uri("/webjars/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/v3/api-docs/swagger-config"));
    }

    @Test
    void answersUnknownPathsWithProblem() {
        client.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.method(HttpMethod.POST).uri("/fallback/customer-service").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void signsBrowserInAtKeycloakAndRelaysTheUsersAccessToken() {
        Browser browser = new Browser("http://127.0.0.1:" + port);

        // a signed-out deep link goes to the login, through the gateway's own authorization endpoint
        HttpResponse<String> deepLink = browser.open("/customers/42");
        assertThat(deepLink.statusCode()).isEqualTo(302);
        assertThat(browser.location(deepLink)).endsWith("/oauth2/authorization/keycloak");
        HttpResponse<String> toKeycloak = browser.open(browser.location(deepLink));
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        String authorize = browser.location(toKeycloak);
        assertThat(authorize).startsWith(keycloak().issuerUri() + "/protocol/openid-connect/auth")
                .contains("client_id=crm-gateway").contains("code_challenge_method=S256").contains("scope=openid");
        HttpResponse<String> loginPage = browser.open(authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("registration"); // self-registration link

        // Keycloak's real login form, then back to the gateway and on to the page first asked for
        HttpResponse<String> callback = browser.submitLogin(loginPage, "sales1", PASSWORD);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(browser.location(callback)).startsWith("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");
        HttpResponse<String> signedIn = browser.open(browser.location(callback));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(browser.location(signedIn)).startsWith("http://127.0.0.1:" + port + "/customers/42");
        HttpResponse<String> page = browser.open(browser.location(signedIn));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        // who am I
        HttpResponse<String> me = browser.api("GET", "/api/v1/me", Map.of());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode meJson = JsonMapper.shared().readTree(me.body());
        assertThat(meJson.get("username").asString()).isEqualTo("sales1");
        assertThat(meJson.get("id").asString()).isNotBlank();
        assertThat(meJson.get("roles").toString()).isEqualTo("[\"sales\"]");

        // the live dashboard's stream through the session, open longer than reporting-service's time limiter
        HttpResponse<String> stream = browser.api("GET", "/api/v1/reports/stream?stub=stream",
                Map.of("Accept", "text/event-stream"));
        assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
        assertThat(stream.body()).contains("event: dashboard").contains("event: changed");

        // token relay: the service sees a real Keycloak access token of sales1, not the browser's cookies
        HttpResponse<String> relayed = browser.api("GET", "/api/v1/customers/bff-relay", Map.of());
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
        List<Received> received = STUB.received("GET", "/api/v1/customers/bff-relay");
        assertThat(received).hasSize(1);
        String authorization = received.get(0).header("Authorization").orElseThrow();
        assertThat(authorization).startsWith("Bearer ");
        JsonNode claims = jwtClaims(authorization.substring("Bearer ".length()));
        assertThat(claims.get("iss").asString()).isEqualTo(keycloak().issuerUri());
        assertThat(claims.get("azp").asString()).isEqualTo("crm-gateway");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("sales1");
        assertThat(received.get(0).header("Cookie")).isEmpty();

        // refresh: the session's token is renewed with the refresh token and the new one relayed
        assertThat(browser.api("GET", "/api/v1/customers/bff-refresh", Map.of()).statusCode()).isEqualTo(200);
        String refreshed = STUB.received("GET", "/api/v1/customers/bff-refresh").get(0).header("Authorization")
                .orElseThrow();
        assertThat(refreshed).isNotEqualTo(authorization);
        assertThat(jwtClaims(refreshed.substring("Bearer ".length())).get("sid").asString())
                .isEqualTo(claims.get("sid").asString());

        // CSRF: cookie-to-header
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        HttpResponse<String> forged = browser.api("PUT", "/api/v1/customers/bff-post", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(STUB.received("PUT", "/api/v1/customers/bff-post")).isEmpty();
        HttpResponse<String> posted = browser.api("PUT", "/api/v1/customers/bff-post", Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(STUB.received("PUT", "/api/v1/customers/bff-post")).hasSize(1);

        // logout: CSRF protected, ends the session, and signs out at Keycloak too (RP-initiated logout)
        String session = browser.cookie("SESSION").orElseThrow();
        assertThat(browser.api("POST", "/logout", Map.of()).statusCode()).isEqualTo(403);
        // the web UI signs out with a plain form POST carrying the token as _csrf, so the browser follows the redirect
        HttpResponse<String> logout = browser.submitForm("/logout", Map.of("_csrf", xsrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = browser.location(logout);
        assertThat(endSession).startsWith(keycloak().issuerUri() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> afterKeycloak = browser.open(endSession);
        assertThat(afterKeycloak.statusCode()).as(afterKeycloak.body()).isEqualTo(302);
        assertThat(browser.location(afterKeycloak)).isEqualTo("http://127.0.0.1:" + port + "/");
        HttpResponse<String> gone = browser.api("GET", "/api/v1/me", Map.of());
        assertThat(gone.statusCode()).isEqualTo(401);
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        // the session is gone on the server, not just forgotten by the browser
        client.get().uri("/api/v1/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
        // and Keycloak's own session is over: a new page load shows the login form again
        HttpResponse<String> again = browser.follow(browser.open("/"));
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void relaysBearerAndSessionCallsAndServesTheUiWithoutThrowing() throws Exception {
        String token = keycloak().passwordToken("sales1", PASSWORD);
        Browser browser = new Browser("http://127.0.0.1:" + port);
        HttpResponse<String> signedIn = browser.follow(browser.submitLogin(browser.follow(browser.open("/")), "sales1",
                PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));

        List<String> thrown = ThrownExceptions.during(() -> {
            client.get().uri("/api/v1/customers?limit=50").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
            client.post().uri("/api/v1/customers").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\"}").exchange()
                .expectStatus().isOk();
            assertThat(browser.api("GET", "/api/v1/customers?limit=50", Map.of()).statusCode()).isEqualTo(200);
            assertThat(browser.api("PUT", "/api/v1/customers/normal-path", Map.of("X-XSRF-TOKEN", xsrf)).statusCode())
                .isEqualTo(200);
            assertThat(browser.api("GET", "/api/v1/me", Map.of()).statusCode()).isEqualTo(200);
            assertThat(browser.open("/customers").statusCode()).isEqualTo(200);
            client.get().uri("/assets/probe-3f9a1c.js").header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk();
        });

        assertThat(thrown).isEmpty();
    }

    @Test
    void answersMeForBearerCallersAnd401ProblemForAnonymous() {
        String token = keycloak().passwordToken("manager", PASSWORD);

        client.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("manager")
                .jsonPath("$.roles[0]").isEqualTo("manager")
                .jsonPath("$.roles.length()").isEqualTo(1);
        client.get().uri("/api/v1/me").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesHashedAssetsImmutableAndPagesFallBackToIndexForSignedInUsersOnly() {
        client.get().uri("/assets/probe-3f9a1c.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .expectHeader().exists("Content-Security-Policy");
        // a signed-out page load goes to the login; an API call never does
        client.get().uri("/customers").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/keycloak");
        client.get().uri("/api/v1/customers").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void servesTheBuildsBrotliOrGzipCopyOfAnAssetToBrowsersThatAcceptIt() throws IOException {
        String asset = "/assets/probe-3f9a1c.js";
        // Spring's default connector asks for gzip itself and decodes it, hiding what the gateway sent
        WebTestClient client = WebTestClient.bindToServer(new ReactorClientHttpConnector(reactor.netty.http.client.HttpClient.create()))
                .baseUrl("http://127.0.0.1:" + port).build();
        for (String coding : List.of("br", "gzip")) {
            byte[] body = client.get().uri(asset).header(HttpHeaders.ACCEPT_ENCODING, coding)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, coding.equals("br") ? "br" : "gzip")
                    .expectHeader().contentTypeCompatibleWith("text/javascript")
                    .expectHeader()
                    .values(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.ACCEPT_ENCODING))
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).isEqualTo(staticFile(asset + (coding.equals("br") ? ".br" : ".gz")));
        }
        byte[] raw = client.get().uri(asset).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectHeader().values(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.ACCEPT_ENCODING))
                .expectBody().returnResult().getResponseBody();
        assertThat(raw).isEqualTo(staticFile(asset));
    }

    private static byte[] staticFile(String path) throws IOException {
        try (var in = GatewayIT.class.getResourceAsStream("/static" + path)) {
            return in.readAllBytes();
        }
    }

    private static JsonNode jwtClaims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static void assertSecurityHeaders(EntityExchangeResult<byte[]> result) {
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getFirst("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    private static KeycloakEndpoint keycloak() {
        return TestInfrastructure.keycloak();
    }

    private static String idToken(String username) {
        String form = "grant_type=password&client_id=" + KeycloakEndpoint.DEV_CLIENT_ID + "&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak().tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return JsonMapper.shared().readTree(body).get("id_token").asString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}

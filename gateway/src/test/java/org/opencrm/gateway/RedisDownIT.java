package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakEndpoint;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.StoppableRedis;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the gateway does while Redis (sessions, shared rate limits) is down, against a Redis of this test's own that it
 * stops and starts again: browsers get a clear 503 at once, bearer API callers keep being served and limited.
 */
@GatewayTest
@TestPropertySource(properties = {
        "crm.gateway.anonymous-rate-limit.burst-capacity=1000",
        // notification-service: three requests, then one more a minute
        "crm.gateway.rate-limit.routes.notification-service.replenish-rate=1",
        "crm.gateway.rate-limit.routes.notification-service.burst-capacity=180",
        "crm.gateway.rate-limit.routes.notification-service.requested-tokens=60" })
@Import({ KeycloakTestConfiguration.class, StandInOperations.class })
class RedisDownIT {

    private static final StoppableRedis REDIS = StoppableRedis.start();

    private static final DownstreamStub STUB = new DownstreamStub();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void redisAndServices(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> REDIS.endpoint().host());
        registry.add("spring.data.redis.port", () -> REDIS.endpoint().port());
        registry.add("spring.cloud.discovery.client.simple.instances.customer-service[0].uri", STUB::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.notification-service[0].uri", STUB::uri);
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @AfterEach
    void redisBack() {
        REDIS.restart();
        // the gateway's connection comes back by itself
        await("the gateway reaches Redis again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> new Browser("http://127.0.0.1:" + port).open("/customers").statusCode() == 302);
    }

    @AfterAll
    static void stop() {
        STUB.stop();
        REDIS.close();
    }

    @Test
    void answersAnonymousPageLoadWith503PageAtOnce() {
        REDIS.stop();

        long start = System.nanoTime();
        HttpResponse<String> page = new Browser("http://127.0.0.1:" + port).open("/customers/1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("temporarily unavailable").doesNotContain("Exception");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void servesTheWebUiAssetsWithoutTheSessionStore() {
        REDIS.stop();

        // no session is looked up for an asset: the answer is the file's own (here: none), not the 503 of a session
        HttpResponse<String> asset = new Browser("http://127.0.0.1:" + port).open("/assets/no-such-file.js");

        assertThat(asset.statusCode()).isEqualTo(404);
        assertThat(asset.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void servesTheWebUiAssetsToASignedInBrowserWithoutReadingItsSession() {
        Browser browser = signedInBrowser();
        REDIS.stop();

        // a page load's assets come with the session cookie: none of them may wait on (or fail with) Redis
        HttpResponse<String> asset = browser.open("/assets/no-such-file.js");

        assertThat(asset.statusCode()).isEqualTo(404);
    }

    @Test
    void answersSignedInBrowserWith503PageOrProblemWhileRedisIsDown() {
        Browser browser = signedInBrowser();
        assertThat(browser.api("GET", "/api/v1/me", Map.of()).statusCode()).isEqualTo(200);

        REDIS.stop();

        HttpResponse<String> call = browser.api("GET", "/api/v1/me", Map.of());
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(call.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call.body()).contains("\"status\":503").doesNotContain("Exception");
        HttpResponse<String> page = browser.open("/customers");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("temporarily unavailable");
    }

    @Test
    void keepsServingBearerCallersWithALocalRateLimitWhileRedisIsDown() {
        String token = keycloak().passwordToken("sales1", "crm-demo");
        // warm: the route, the token's signing keys, the connection to the service
        client.get().uri("/api/v1/customers/before").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        REDIS.stop();

        long start = System.nanoTime();
        client.get().uri("/api/v1/customers/while-redis-is-down").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(STUB.received("GET", "/api/v1/customers/while-redis-is-down")).hasSize(1);

        // the route's limit still holds, counted in memory: three requests, then 429
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/notifications")
                    .headers(h -> h.setBearerAuth(token)).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
            else {
                assertThat(result.getStatus().value()).isEqualTo(200);
            }
        }
        assertThat(refused).as("429 from the in-memory fallback").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8)).contains("\"status\":429");
    }

    private Browser signedInBrowser() {
        Browser browser = new Browser("http://127.0.0.1:" + port);
        HttpResponse<String> deepLink = browser.open("/customers");
        HttpResponse<String> toKeycloak = browser.open(browser.location(deepLink));
        HttpResponse<String> loginPage = browser.open(browser.location(toKeycloak));
        HttpResponse<String> callback = browser.submitLogin(loginPage, "sales1", "crm-demo");
        HttpResponse<String> signedIn = browser.open(browser.location(callback));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return browser;
    }

    private static KeycloakEndpoint keycloak() {
        return TestInfrastructure.keycloak();
    }
}

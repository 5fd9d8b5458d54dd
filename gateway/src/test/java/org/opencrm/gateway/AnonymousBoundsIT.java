package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Bounds on what anonymous callers cost: a per-IP limit in memory, short sessions before sign-in, and an actuator that
 * shows nothing but health on the public port. Real Keycloak and Redis.
 */
@GatewayTest
@TestPropertySource(properties = {
        "crm.gateway.anonymous-rate-limit.replenish-rate=1",
        "crm.gateway.anonymous-rate-limit.burst-capacity=5" })
@Import({ KeycloakTestConfiguration.class, RedisTestConfiguration.class })
class AnonymousBoundsIT {

    private static final String SESSIONS = "crm:gateway:session:sessions:";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void limitsAnonymousCallersPerClientIpInMemoryWith429() {
        WebTestClient flooding = clientFrom("127.0.0.2");

        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = flooding.get().uri("/api/v1/customers").exchange().expectBody()
                    .returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
            else {
                assertThat(result.getStatus().value()).isEqualTo(401);
            }
        }

        assertThat(refused).as("a 429 within the burst of 5 and a few more").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 5L);
        // another address has a bucket of its own
        clientFrom("127.0.0.3").get().uri("/api/v1/customers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void countsAnInventedSessionCookieAsAnonymous() {
        WebTestClient inventing = clientFrom("127.0.0.4");

        boolean refused = false;
        for (int i = 0; i < 10 && !refused; i++) {
            refused = inventing.get().uri("/customers").accept(MediaType.TEXT_HTML)
                    .cookie("SESSION", UUID.randomUUID().toString()).exchange()
                    .expectBody().returnResult().getStatus().value() == 429;
        }

        assertThat(refused).as("a 429 within the burst of 5 and a few more").isTrue();
    }

    @Test
    void servesTheWebUiAssetsBeyondTheAnonymousLimit() {
        WebTestClient pageLoads = clientFrom("127.0.0.5");

        for (int i = 0; i < 10; i++) {
            pageLoads.get().uri("/assets/no-such-file-" + i + ".js").cookie("SESSION", UUID.randomUUID().toString())
                    .exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void keepsSessionsBeforeSignInShortAndExtendsThemAtSignIn() {
        Browser browser = new Browser("http://127.0.0.1:" + port);

        // an anonymous page load saves the page asked for: a session, but a short one
        HttpResponse<String> deepLink = browser.open("/customers/7");
        assertThat(deepLink.statusCode()).isEqualTo(302);
        String anonymous = browser.cookie("SESSION").orElseThrow(() -> new AssertionError("no session cookie"));
        assertThat(ttl(anonymous)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));

        // the OAuth2 authorization request joins it, still short
        HttpResponse<String> toKeycloak = browser.open(browser.location(deepLink));
        assertThat(ttl(anonymous)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));

        // signed in: the (renewed) session gets the full timeout
        HttpResponse<String> loginPage = browser.open(browser.location(toKeycloak));
        HttpResponse<String> callback = browser.submitLogin(loginPage, "sales1", "crm-demo");
        HttpResponse<String> signedIn = browser.open(browser.location(callback));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.location(signedIn)).endsWith("/customers/7");
        String session = browser.cookie("SESSION").orElseThrow();
        assertThat(session).isNotEqualTo(anonymous);
        assertThat(ttl(session)).isGreaterThan(Duration.ofHours(7));
        assertThat(redis.hasKey(SESSIONS + anonymous).block()).isFalse();
    }

    @Test
    void keepsMetricsOffThePublicPort() {
        // the first call of a fresh context validates a token against Keycloak's keys: more than the default 5 s on a
        // loaded machine
        WebTestClient publicPort = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        String adminToken = org.opencrm.platform.test.TestInfrastructure.keycloak().passwordToken("admin", "crm-demo");

        publicPort.get().uri("/readyz").exchange().expectStatus().isOk();
        publicPort.get().uri("/livez").exchange().expectStatus().isOk();
        for (String path : new String[] { "/actuator/metrics", "/actuator/prometheus", "/actuator/env",
                "/actuator/health" }) {
            publicPort.get().uri(path).headers(h -> h.setBearerAuth(adminToken)).exchange()
                    .expectStatus().isNotFound();
        }
    }

    @Test
    void servesTheActuatorOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15)).build();

        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.names").isArray();
    }

    private Duration ttl(String sessionId) {
        return redis.getExpire(SESSIONS + sessionId).block();
    }

    private WebTestClient clientFrom(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }
}

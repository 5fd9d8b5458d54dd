package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.StoppableRedis;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway in its Kubernetes profile with the chart's {@code infrastructure.redis.tls} on and a private CA, against a
 * Redis of this test's own whose port speaks TLS only: the sessions live there, so a page that makes one answers.
 */
@ActiveProfiles("k8s")
@GatewayTest
@TestPropertySource(properties = {
        "spring.data.redis.timeout=5s", "spring.data.redis.connect-timeout=5s",
        // what the chart sets with infrastructure.redis.tls.enabled and caSecret
        "CRM_REDIS_TLS=true", "CRM_REDIS_SSL_BUNDLE=redis",
        "CRM_KEYCLOAK_ORIGIN=https://auth.example.com" })
@Import(KeycloakTestConfiguration.class)
class RedisTlsIT {

    private static final StoppableRedis REDIS = StoppableRedis.startWithTls();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void redisAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("CRM_ISSUER_URI", () -> TestInfrastructure.keycloak().issuerUri());
        registry.add("CRM_REDIS_HOST", () -> REDIS.endpoint().host());
        registry.add("CRM_REDIS_PORT", () -> REDIS.endpoint().port());
        // the chart mounts the CA's Secret at the bundle's path; here the test's own CA file
        registry.add("spring.ssl.bundle.pem.redis.truststore.certificate", () -> "file:" + REDIS.caCertificate());
    }

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    @Test
    void keepsBrowserSessionsInRedisOverTls() {
        HttpResponse<String> page = new Browser("http://127.0.0.1:" + port).open("/customers/42");

        // without its session store the gateway answers a page with 503 (RedisDownIT)
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
    }
}

package org.opencrm.gateway.security;

import static org.opencrm.platform.test.ClosedPorts.closedPort;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opencrm.gateway.GatewayTest;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway starts and reports healthy while Keycloak does not answer (here: its issuer on a closed port), and a
 * sign-in meanwhile is a 503 problem+json, not a failed start or a 500.
 */
@GatewayTest
@Import(RedisTestConfiguration.class)
class KeycloakDownAtStartIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void issuerNotAnswering(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + closedPort() + "/realms/crm");
    }

    @Test
    void startsHealthyAndAnswersSignInWith503() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        // a signed-out browser opening a page still goes to the sign-in path first
        client.get().uri("/customers").header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, SecurityConfiguration.LOGIN_PATH);
        client.get().uri(SecurityConfiguration.LOGIN_PATH).header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }
}

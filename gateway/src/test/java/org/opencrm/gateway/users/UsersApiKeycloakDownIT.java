package org.opencrm.gateway.users;

import static org.opencrm.platform.test.ClosedPorts.closedPort;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opencrm.gateway.GatewayTest;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Keycloak's admin API not answering (here: a closed port) makes the Users API answer 503 problem+json, fast. */
@GatewayTest
@Import({ KeycloakTestConfiguration.class, RedisTestConfiguration.class })
class UsersApiKeycloakDownIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableAdminApi(DynamicPropertyRegistry registry) {
        registry.add("crm.gateway.users.admin-uri", () -> "http://127.0.0.1:" + closedPort() + "/admin/realms/crm");
    }

    @Test
    void answers503ProblemWhenKeycloaksAdminApiIsUnreachable() {
        String token = TestInfrastructure.keycloak().passwordToken("admin", RealmUsers.PASSWORD);
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();

        client.get().uri("/api/v1/users").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.service").isEqualTo("user administration");
        client.put().uri("/api/v1/users/5e0c2a3b-0000-4000-8000-000000000006/role")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"role\":\"sales\"}").exchange()
                .expectStatus().isEqualTo(503);
    }
}

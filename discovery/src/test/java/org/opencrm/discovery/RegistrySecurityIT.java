package org.opencrm.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An impostor on the network must not be able to register as a CRM service, nor read who is registered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crm.discovery.username=registry-it", "crm.discovery.password=registry-it-secret" })
class RegistrySecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String INSTANCE = """
            {"instance": {"instanceId": "%s", "hostName": "10.0.0.66", "app": "CUSTOMER-SERVICE",
              "ipAddr": "10.0.0.66", "status": "UP", "port": {"$": 8081, "@enabled": "true"},
              "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
            """;

    @LocalServerPort
    int port;

    @Test
    void refusesRegistrationWithoutCredentialsWith401() throws Exception {
        HttpResponse<String> response = register("impostor:8081", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(apps(basic("registry-it", "registry-it-secret")).body()).doesNotContain("impostor");
    }

    @Test
    void refusesRegistrationWithWrongPasswordWith401() throws Exception {
        assertThat(register("guesser:8081", basic("registry-it", "guess")).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsRegistrationWithCredentials() throws Exception {
        assertThat(register("legit:8081", basic("registry-it", "registry-it-secret")).statusCode()).isEqualTo(204);
    }

    @Test
    void refusesRegistryReadsAndDashboardWithoutCredentials() throws Exception {
        assertThat(apps(null).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/")).GET(), null).statusCode()).isEqualTo(401);
        assertThat(apps(basic("registry-it", "registry-it-secret")).statusCode()).isEqualTo(200);
    }

    @Test
    void answersHealthWithoutCredentials() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).GET(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheCheapPasswordCheckAfterSignIns(@Autowired UserDetailsService users) throws Exception {
        assertThat(apps(basic("registry-it", "registry-it-secret")).statusCode()).isEqualTo(200);
        assertThat(apps(basic("registry-it", "registry-it-secret")).statusCode()).isEqualTo(200);

        // every heartbeat signs in: a password upgraded to bcrypt would cost each of them a slow hash
        assertThat(users.loadUserByUsername("registry-it").getPassword()).startsWith("{noop}");
    }

    private HttpResponse<String> register(String instanceId, String authorization)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/eureka/apps/CUSTOMER-SERVICE"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INSTANCE.formatted(instanceId))), authorization);
    }

    private HttpResponse<String> apps(String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/eureka/apps")).header("Accept", "application/json").GET(),
                authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization)
            throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

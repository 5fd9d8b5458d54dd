package org.opencrm.configserver;

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

/** The services' configuration (and the names of the secrets it reads) only for holders of the credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.server.native.search-locations=file:../config-repo/",
        "eureka.client.enabled=false",
        "crm.config-server.username=config-it", "crm.config-server.password=config-it-secret" })
class ConfigServerSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void refusesConfigurationWithoutCredentialsWith401() throws Exception {
        assertThat(get("/customer-service/local", null).statusCode()).isEqualTo(401);
        assertThat(get("/customer-service/local", basic("config-it", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void servesConfigurationWithCredentials() throws Exception {
        HttpResponse<String> response = get("/customer-service/local", basic("config-it", "config-it-secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("customer-service.yml").contains("propertySources");
    }

    @Test
    void answersHealthWithoutCredentials() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheCheapPasswordCheckAfterSignIns(@Autowired UserDetailsService clients) throws Exception {
        assertThat(get("/customer-service/local", basic("config-it", "config-it-secret")).statusCode()).isEqualTo(200);
        assertThat(get("/customer-service/local", basic("config-it", "config-it-secret")).statusCode()).isEqualTo(200);

        assertThat(clients.loadUserByUsername("config-it").getPassword()).startsWith("{noop}");
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

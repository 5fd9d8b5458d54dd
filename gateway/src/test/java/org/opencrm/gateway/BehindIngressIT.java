package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway in its Kubernetes profile (config-repo's k8s sections) as the ingress reaches it: plain HTTP carrying
 * the ingress's X-Forwarded-* headers after TLS ended there. The browser must still be sent to HTTPS addresses of the
 * public host and get only Secure cookies.
 */
@ActiveProfiles("k8s")
@GatewayTest
@TestPropertySource(properties = {
        // the first connection to Redis on a busy test machine may take longer than production's 500 ms
        "spring.data.redis.timeout=5s", "spring.data.redis.connect-timeout=5s",
        // what the chart's values set (its existingSecret: the dev realm's secrets of @GatewayTest); the issuer
        // and Redis come from the test infrastructure
        "CRM_KEYCLOAK_ORIGIN=https://auth.example.com" })
@Import({ KeycloakTestConfiguration.class, RedisTestConfiguration.class })
class BehindIngressIT {

    private static final String PUBLIC = "https://crm.example.com";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    /** The k8s profile has no default issuer: the chart's CRM_ISSUER_URI, here the test realm's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("CRM_ISSUER_URI", () -> TestInfrastructure.keycloak().issuerUri());
    }

    @Test
    void signsInThroughHttpsAddressesOfThePublicHostWithSecureCookiesOnly() throws Exception {
        HttpResponse<String> page = fromIngress("/customers/42");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(URI.create(PUBLIC).resolve(page.headers().firstValue("Location").orElseThrow()).toString())
                .isEqualTo(PUBLIC + "/oauth2/authorization/keycloak");

        HttpResponse<String> login = fromIngress("/oauth2/authorization/keycloak");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .startsWith(TestInfrastructure.keycloak().issuerUri() + "/protocol/openid-connect/auth")
                .contains("redirect_uri=" + PUBLIC + "/login/oauth2/code/keycloak&");

        List<String> cookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
        cookies.addAll(login.headers().allValues("Set-Cookie"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure")
                .containsIgnoringCase("SameSite=Lax"));
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("SESSION="))
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; HttpOnly"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("form-action 'self' https://auth.example.com;"));
    }

    private HttpResponse<String> fromIngress(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "crm.example.com")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7")
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

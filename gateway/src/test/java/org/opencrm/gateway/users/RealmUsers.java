package org.opencrm.gateway.users;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencrm.platform.test.KeycloakEndpoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates throw-away users in the test realm as a self-registration would (no CRM role), through Keycloak's admin API
 * as the test Keycloak's bootstrap admin, so that tests can change them without touching the demo users.
 */
final class RealmUsers {

    static final String PASSWORD = "crm-demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KeycloakEndpoint keycloak;

    RealmUsers(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    record Created(String id, String username) {
    }

    /** A new enabled user with password {@value #PASSWORD} and only the realm's default roles. */
    Created create(String prefix, String firstName, String lastName) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of("username", username, "email", username + "@example.com",
                "firstName", firstName, "lastName", lastName, "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/crm/users"))
                .header("Authorization", "Bearer " + masterAdminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(user))).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return new Created(location.substring(location.lastIndexOf('/') + 1), username);
    }

    private String masterAdminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}

package org.opencrm.lead.application;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.opencrm.platform.test.KeycloakEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the assignment tests do at Keycloak as its bootstrap admin: list the sales users, disable one. */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakEndpoint keycloak;

    KeycloakAdmin(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    /** The ids of the enabled users holding the sales role. */
    List<String> enabledSalesUsers() {
        List<String> ids = new ArrayList<>();
        for (JsonNode user : JsonMapper.shared().readTree(send("GET", "/roles/sales/users?max=1000", null))) {
            if (user.path("enabled").asBoolean()) {
                ids.add(user.path("id").asString());
            }
        }
        return ids;
    }

    void disable(String userId) {
        send("PUT", "/users/" + userId, "{\"enabled\":false}");
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/crm" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String adminToken() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                        + "&username=admin&password=admin"))
                .build();
        return JsonMapper.shared().readTree(exchange(request).body()).get("access_token").asString();
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}

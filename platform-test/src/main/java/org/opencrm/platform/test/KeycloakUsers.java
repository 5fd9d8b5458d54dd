package org.opencrm.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users made for a test through Keycloak's admin REST API, signed in as the bootstrap admin that both test backends
 * create ({@code admin}/{@code admin}): each with exactly the realm roles given, the realm's default roles removed,
 * so that a test does not depend on the demo users or on what the realm grants a new user.
 */
public final class KeycloakUsers {

    private static final String BOOTSTRAP_ADMIN = "admin";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.shared();

    private final KeycloakEndpoint keycloak;

    private final String realm;

    public KeycloakUsers(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
        this.realm = keycloak.issuerUri().substring(keycloak.issuerUri().lastIndexOf('/') + 1);
    }

    /** Creates an enabled user with a password and only these realm roles (none: a signed-in user without a role). */
    public String create(String username, String password, List<String> realmRoles) {
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true)
                .put("firstName", "Test")
                .put("lastName", username)
                .put("email", username + "@example.com");
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = send(admin, "POST", "/users", user.toString(), 201);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location for the created user " + username));
        String id = location.substring(location.lastIndexOf('/') + 1);
        String mappings = "/users/" + id + "/role-mappings/realm";
        JsonNode defaults = JSON.readTree(send(admin, "GET", mappings, null, 200).body());
        if (!defaults.isEmpty()) {
            send(admin, "DELETE", mappings, defaults.toString(), 204);
        }
        if (!realmRoles.isEmpty()) {
            ArrayNode roles = JSON.createArrayNode();
            for (String role : realmRoles) {
                roles.add(JSON.readTree(send(admin, "GET", "/roles/" + encode(role), null, 200).body()));
            }
            send(admin, "POST", mappings, roles.toString(), 204);
        }
        return id;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + BOOTSTRAP_ADMIN + "&password="
                + BOOTSTRAP_ADMIN;
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(String adminToken, String method, String path, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

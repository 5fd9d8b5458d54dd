package org.opencrm.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test Keycloak and its realm {@code crm} (imported from {@code infra/keycloak/crm-realm.json}), with helpers that
 * fetch access tokens the way the dev scripts and partners do.
 */
public record KeycloakEndpoint(String baseUrl, String issuerUri) {

    /** The public client with direct access grants, for tests and dev scripts. */
    public static final String DEV_CLIENT_ID = "crm-dev";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An access token for a realm user (password grant through {@value #DEV_CLIENT_ID}). */
    public String passwordToken(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", DEV_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return requestToken(form);
    }

    /** An access token for a confidential client's service account, with optional client scopes. */
    public String clientCredentialsToken(String clientId, String clientSecret, String... scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        return requestToken(form);
    }

    /** The token endpoint of the realm. */
    public String tokenUri() {
        return issuerUri + "/protocol/openid-connect/token";
    }

    /** The JWK set of the realm, for resource servers that are given it directly. */
    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }

    private String requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("token request to " + tokenUri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", ex);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request (" + form.get("grant_type") + ", client "
                    + form.get("client_id") + ") answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode token = JsonMapper.shared().readTree(response.body()).get("access_token");
        if (token == null) {
            throw new IllegalStateException("no access_token in " + response.body());
        }
        return token.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

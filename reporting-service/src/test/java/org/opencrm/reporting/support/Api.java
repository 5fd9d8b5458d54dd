package org.opencrm.reporting.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.opencrm.platform.test.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** reporting-service over real HTTP, called with real Keycloak tokens of the dev realm's demo users. */
public final class Api {

    public static final String PASSWORD = "crm-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** A signed-in demo user: their token and their id (the token's subject). */
    public record Caller(String token, String id) {
    }

    public static Caller signIn(String username) {
        String token = TestInfrastructure.keycloak().passwordToken(username, PASSWORD);
        JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return new Caller(token, claims.get("sub").asString());
    }

    public HttpResponse<byte[]> get(Caller caller, String path) {
        return send(caller, "GET", path, null);
    }

    public HttpResponse<byte[]> send(Caller caller, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + caller.token());
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The JSON answer of a call that must answer 200. */
    public JsonNode json(Caller caller, String method, String path, String body) {
        HttpResponse<byte[]> response = send(caller, method, path, body);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + text);
        }
        return JsonMapper.shared().readTree(text);
    }
}

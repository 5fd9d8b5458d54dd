package org.opencrm.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser reduced to plain HTTP: keeps cookies (like a browser, per host and not per port), follows no redirect by
 * itself, and asks for HTML on page loads. Enough to sign in on Keycloak's real login page.
 */
public final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"",
            Pattern.DOTALL);

    private static final Pattern FORM_ACTION_ANY = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    /** Cookies per host; like a browser on a loopback address, Secure cookies are sent over plain HTTP too. */
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Browser(String base) {
        this.base = base;
    }

    /** A page load: GET with a browser's Accept header. */
    HttpResponse<String> open(String url) {
        return send(HttpRequest.newBuilder(uri(url)).header("Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
    }

    /** A fetch() of the SPA. */
    public HttpResponse<String> api(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url)).header("Accept", "application/json");
        headers.forEach(request::header);
        HttpRequest.BodyPublisher body = method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body));
    }

    /**
     * Signs in as a user does: a page load, Keycloak's login form (none while Keycloak's own session of this browser
     * lasts), back through the gateway to the page.
     */
    public void signIn(String username, String password) {
        HttpResponse<String> page = follow(open("/"));
        if (page.body().contains("kc-form-login")) {
            page = follow(submitLogin(page, username, password));
        }
        if (page.statusCode() != 200 || page.body().contains("kc-form-login")) {
            throw new AssertionError("sign-in of " + username + " ended with " + page.statusCode() + " at " + page.uri());
        }
    }

    /** Follows redirects the way a browser would, page load after page load, until a non-redirect answer. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        int hops = 0;
        while (response.statusCode() / 100 == 3 && hops++ < 10) {
            response = open(location(response));
        }
        return response;
    }

    /** A page's form submitted by the browser (application/x-www-form-urlencoded). */
    HttpResponse<String> submitForm(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    /** Signs in on Keycloak's login page the response shows, and returns Keycloak's answer to the form. */
    HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        Matcher matcher = FORM_ACTION.matcher(loginPage.body());
        if (!matcher.find()) {
            matcher = FORM_ACTION_ANY.matcher(loginPage.body());
            if (!matcher.find()) {
                throw new AssertionError("no login form in:\n" + loginPage.body());
            }
        }
        String action = matcher.group(1).replace("&amp;", "&");
        return submitForm(loginPage.uri().resolve(action).toString(),
                Map.of("username", username, "password", password, "credentialId", ""));
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + " " + response.uri()));
        return response.uri().resolve(location).toString();
    }

    Optional<String> cookie(String name) {
        return cookies.values().stream().map(jar -> jar.get(name)).filter(v -> v != null).findFirst();
    }

    private URI uri(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        Map<String, String> jar = cookies.computeIfAbsent(request.uri().getHost(), h -> new ConcurrentHashMap<>());
        if (!jar.isEmpty()) {
            builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
            request = builder.build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
                if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
                    jar.remove(name);
                }
                else {
                    jar.put(name, value);
                }
            }
            return response;
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

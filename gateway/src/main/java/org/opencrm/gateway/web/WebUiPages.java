package org.opencrm.gateway.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which requests are a browser asking for one of the web UI's pages, as opposed to API calls, the sign-in flow,
 * assets and tooling. Security sends such signed-out requests to the login page; the web UI answers them with its
 * {@code index.html}.
 */
public final class WebUiPages {

    private static final List<String> NOT_PAGES = List.of("/api/", "/oauth2/", "/login/", "/logout", "/actuator/",
            "/v3/api-docs", "/swagger-ui", "/webjars/", "/fallback/", "/assets/", "/error");

    private WebUiPages() {
    }

    /** Asks explicitly for HTML, as a page load does (an API call or a script does not). */
    public static boolean acceptsHtml(HttpHeaders headers) {
        List<String> accept = headers.get(HttpHeaders.ACCEPT);
        return accept != null && accept.stream().anyMatch(value -> value.contains("text/html"));
    }

    /**
     * A request for one of the web UI's content-hashed files under {@code /assets/}: the same for everyone, so it needs
     * neither a session nor a signed-in user (and keeps loading while the session store is down).
     */
    public static boolean isStaticAsset(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && request.getPath().pathWithinApplication().value().startsWith("/assets/");
    }

    /** Outside the API, the security endpoints, the assets and the tooling. */
    public static boolean isPagePath(String path) {
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }
}

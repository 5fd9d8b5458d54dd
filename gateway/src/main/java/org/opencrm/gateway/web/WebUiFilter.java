package org.opencrm.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The single-page web UI (built into {@code classpath:/static/}, each file also Brotli- and gzip-encoded): hashed
 * {@code /assets/**} are cached for a year, {@code index.html} never without revalidation, and {@code /} and
 * client-side routes (a GET asking for HTML, no file extension, outside the API and the security endpoints) are
 * answered with {@code index.html}. Runs after Spring Security, so a signed-out browser is sent to the login page
 * first.
 */
@Component
class WebUiFilter implements WebFilter, Ordered {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/")) {
            return chain.filter(exchange); // the hot path
        }
        if (path.startsWith("/assets/")) {
            cacheControl(exchange.getResponse(), IMMUTABLE);
            return chain.filter(exchange);
        }
        if (path.equals("/index.html")) {
            cacheControl(exchange.getResponse(), "no-cache");
            return chain.filter(exchange);
        }
        if (path.equals("/") || isClientRoute(exchange, path)) {
            cacheControl(exchange.getResponse(), "no-cache");
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }

    private static boolean isClientRoute(ServerWebExchange exchange, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return WebUiPages.acceptsHtml(exchange.getRequest().getHeaders()) && WebUiPages.isPagePath(path)
                && !last.contains(".");
    }

    /**
     * Set at commit, on successful answers only, replacing what the resource handler chose. The files have Brotli and
     * gzip copies, served by {@link WebUiResources}: every answer, the raw one too, says that
     * it varies with Accept-Encoding, so that a shared cache never hands the wrong one on.
     */
    private static void cacheControl(ServerHttpResponse response, String value) {
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (status == null || status.is2xxSuccessful() || status.value() == 304) {
                HttpHeaders headers = response.getHeaders();
                headers.set(HttpHeaders.CACHE_CONTROL, value);
                if (!headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
                    headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                }
            }
            return Mono.empty();
        });
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security (-100)
    }
}

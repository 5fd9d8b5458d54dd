package org.opencrm.gateway.ratelimit;

import java.util.Map;

import org.opencrm.gateway.problem.ProblemWriter;
import org.opencrm.gateway.security.BearerToken;
import org.opencrm.gateway.web.WebUiPages;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits anonymous callers per client IP in this instance's memory, before Spring Security and before any Redis write:
 * every anonymous page load would otherwise cost a Redis session (saved request, OAuth2 authorization request).
 * <ul>
 * <li>a bearer token: not anonymous (the route's {@code ApiRateLimit} counts it per subject);</li>
 * <li>a web UI asset: not limited, and no session read for it. It costs neither Redis nor a session, and a signed-in
 * page load fetches dozens of them: a Redis read for each would make every page load wait on Redis and fail while it
 * is slow;</li>
 * <li>no session cookie: anonymous, decided without touching Redis;</li>
 * <li>a session cookie: anonymous unless it names a live session (one Redis read, which Spring Security would make
 * anyway): an invented cookie does not buy a way around the limit.</li>
 * </ul>
 */
@Component
class AnonymousRateLimitFilter implements WebFilter, Ordered {

    static final String SESSION_COOKIE = "SESSION";

    private final AnonymousRateLimitProperties properties;

    private final LocalTokenBuckets buckets;

    private final ProblemWriter problems;

    AnonymousRateLimitFilter(AnonymousRateLimitProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.buckets = new LocalTokenBuckets(properties.maxClients(), properties.idleExpiry());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || BearerToken.isPresent(request.getHeaders()) || WebUiPages.isStaticAsset(request)) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = request.getCookies().getFirst(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return limit(exchange, chain);
        }
        // a stored session is started; one made up for an unknown id is not
        return exchange.getSession().flatMap(session -> session.isStarted() ? chain.filter(exchange) : limit(exchange, chain));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain) {
        long retryAfter = buckets.tryConsume("ip:" + ClientIp.of(exchange.getRequest()), properties.limit());
        if (retryAfter == 0) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this address; retry after " + retryAfter + " s.",
                Map.of("retryAfterSeconds", retryAfter));
    }

    @Override
    public int getOrder() {
        return -180; // after the trace id (-200) and the session timeout (-190), before Spring Security (-100)
    }
}

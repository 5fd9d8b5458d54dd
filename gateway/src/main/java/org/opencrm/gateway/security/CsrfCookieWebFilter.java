package org.opencrm.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * WebFlux defers the CSRF token: the {@code XSRF-TOKEN} cookie is written only once someone subscribes to it. This
 * filter does, so that every response of the browser chain hands the SPA a token to echo in {@code X-XSRF-TOKEN}.
 */
class CsrfCookieWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token != null ? token.then(chain.filter(exchange)) : chain.filter(exchange);
    }
}

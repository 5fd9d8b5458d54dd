package org.opencrm.gateway.ratelimit;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One bucket per token subject (a user, or a partner client's service account); anonymous callers share one per IP.
 * The principal is the one Spring Security already built, so the token is not parsed again.
 */
class SubjectOrClientIpKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(subject -> "sub:" + subject)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + ClientIp.of(exchange.getRequest())));
    }
}

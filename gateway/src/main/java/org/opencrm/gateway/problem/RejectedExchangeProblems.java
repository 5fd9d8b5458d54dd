package org.opencrm.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths with an encoded slash, NUL, or similar: answered as a 400 problem like every
 * other client error (its default answers with an empty body). Picked up by Spring Security's WebFilterChainProxy.
 */
@Component
class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    RejectedExchangeProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request path or query is not allowed (encoded slash, NUL, or similar).");
    }
}

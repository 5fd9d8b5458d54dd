package org.opencrm.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every error that reaches the top of the gateway (unknown paths, failures outside a circuit breaker) with
 * problem+json instead of Boot's JSON error page. Client errors keep their reason; server errors never show
 * exception messages.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemWriter problems;

    ProblemErrorWebExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatus status = statusOf(ex);
        String detail;
        if (status.is4xxClientError()) {
            String reason = ex instanceof ErrorResponse error ? error.getBody().getDetail() : null;
            detail = reason != null ? reason : status.getReasonPhrase();
        }
        else {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
            detail = "The gateway could not complete the request.";
        }
        return problems.write(exchange, status, detail);
    }

    private static HttpStatus statusOf(Throwable ex) {
        if (ex instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
            return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

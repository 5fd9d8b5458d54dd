package org.opencrm.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the client the trace id of its request ({@code X-Trace-Id}), for support. The id comes from the server
 * observation WebFlux started before any filter, so it continues an incoming {@code traceparent}. Runs before
 * Spring Security so that 401 and 403 answers carry it too.
 */
@Component
class TraceIdResponseHeaderFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = traceId(exchange);
        if (traceId != null) {
            // set before commit: a downstream service may send its own copy, which must not end up doubled
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HEADER, traceId);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static @Nullable String traceId(ServerWebExchange exchange) {
        ServerRequestObservationContext observation = ServerRequestObservationContext
                .findCurrent(exchange.getAttributes()).orElse(null);
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = observation
                .get(TracingObservationHandler.TracingContext.class);
        Span span = tracing != null ? tracing.getSpan() : null;
        return span != null ? span.context().traceId() : null;
    }

    @Override
    public int getOrder() {
        return -200; // Spring Security's chain is -100
    }
}

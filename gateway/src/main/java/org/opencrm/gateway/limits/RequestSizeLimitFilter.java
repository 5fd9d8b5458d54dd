package org.opencrm.gateway.limits;

import org.opencrm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the route's limit ({@link RequestSizeProperties}) with 413 problem+json before anything
 * reaches a service: by Content-Length when the client sends one; a chunked body is read up to the limit (never
 * beyond) and forwarded with its length once complete. Runs before the route filters, so an oversized body never
 * counts as a failure of the service's circuit breaker.
 */
@Component
public class RequestSizeLimitFilter implements GlobalFilter, Ordered {

    private final RequestSizeProperties properties;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(RequestSizeProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        long max = properties.maxBytes(route != null ? route.getId() : "");
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length > max) {
            return tooLarge(exchange, max);
        }
        if (length >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(max, Integer.MAX_VALUE))
            .map(BufferedBody::new)
            .defaultIfEmpty(BufferedBody.NONE)
            .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(BufferedBody.TOO_LARGE))
            .flatMap(body -> body == BufferedBody.TOO_LARGE ? tooLarge(exchange, max)
                    : chain.filter(exchange.mutate().request(withLength(exchange.getRequest(), body.buffer())).build()));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + max + " bytes this endpoint accepts.");
    }

    /** The complete chunked body, forwarded with a Content-Length. */
    private static ServerHttpRequest withLength(ServerHttpRequest request, DataBuffer buffer) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(buffer == null ? 0 : buffer.readableByteCount());
        return new ServerHttpRequestDecorator(request) {

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return buffer == null ? Flux.empty() : Flux.just(buffer);
            }
        };
    }

    private record BufferedBody(DataBuffer buffer) {

        static final BufferedBody NONE = new BufferedBody(null);
        static final BufferedBody TOO_LARGE = new BufferedBody(null);
    }
}

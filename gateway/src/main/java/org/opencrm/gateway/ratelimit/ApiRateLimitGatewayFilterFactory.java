package org.opencrm.gateway.ratelimit;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencrm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ApiRateLimit}: the Redis token bucket of {@code RequestRateLimiter}, but a refusal is a 429 problem+json with
 * {@code Retry-After} (the stock filter answers with an empty body and no hint when to come back).
 */
@Component
public class ApiRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<ApiRateLimitGatewayFilterFactory.Config> {

    private final RedisRateLimiter limiter;

    private final KeyResolver keyResolver;

    private final RateLimitProperties properties;

    private final ProblemWriter problems;

    public ApiRateLimitGatewayFilterFactory(RedisRateLimiter limiter, KeyResolver keyResolver,
            RateLimitProperties properties, ProblemWriter problems) {
        super(Config.class);
        this.limiter = limiter;
        this.keyResolver = keyResolver;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            String routeId = routeId(config, exchange);
            return keyResolver.resolve(exchange)
                    .flatMap(key -> limiter.isAllowed(routeId, key))
                    .flatMap(response -> {
                        HttpHeaders headers = exchange.getResponse().getHeaders();
                        response.getHeaders().forEach(headers::set);
                        if (response.isAllowed()) {
                            return chain.filter(exchange);
                        }
                        return refuse(exchange, routeId, response);
                    });
        };
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String routeId, RateLimiter.Response response) {
        RateLimitProperties.Limit limit = properties.forRoute(routeId);
        long seconds = RetryAfter.seconds(limit.replenishRate(), limit.requestedTokens(),
                tokensLeft(response.getHeaders()));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded; retry after " + seconds + " s.", Map.of("retryAfterSeconds", seconds));
    }

    private long tokensLeft(Map<String, String> headers) {
        String remaining = headers.get(limiter.getRemainingHeader());
        if (remaining == null) {
            return -1;
        }
        try {
            return Long.parseLong(remaining);
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String routeId(Config config, ServerWebExchange exchange) {
        if (config.getRouteId() != null) {
            return config.getRouteId();
        }
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route.getId();
    }

    public static class Config implements HasRouteId {

        private @Nullable String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public @Nullable String getRouteId() {
            return routeId;
        }
    }
}

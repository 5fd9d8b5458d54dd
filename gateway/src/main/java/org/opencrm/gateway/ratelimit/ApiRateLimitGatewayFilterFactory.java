package org.opencrm.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.opencrm.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
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
 * <p>
 * Redis down: {@link RedisRateLimiter} lets every request through (it reports {@code -1} tokens left). Then this
 * filter counts the caller in this instance's memory with the same limits instead, so the API keeps serving and stays
 * limited (per instance: with n gateways a caller gets up to n times the limit until Redis is back).
 * <p>
 * A caller with a high limit (200 requests a second or more) takes its requests from Redis in {@link TokenLeases
 * leases} of 1 % of a second's worth, so it costs one Redis round trip per lease, not per request; limits still hold
 * across replicas (see there for the tolerance).
 */
@Component
public class ApiRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<ApiRateLimitGatewayFilterFactory.Config> {

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimitGatewayFilterFactory.class);

    private static final long FALLBACK_MAX_KEYS = 100_000;

    private static final Duration FALLBACK_IDLE_EXPIRY = Duration.ofMinutes(5);

    private final RedisRateLimiter limiter;

    private final RateLimitProperties properties;

    private final ProblemWriter problems;

    private final LocalTokenBuckets fallback;

    private final TokenLeases leases;

    private final AtomicBoolean redisFailing = new AtomicBoolean();

    public ApiRateLimitGatewayFilterFactory(RedisRateLimiter limiter, RateLimitProperties properties,
            ProblemWriter problems) {
        super(Config.class);
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
        this.fallback = new LocalTokenBuckets(FALLBACK_MAX_KEYS, FALLBACK_IDLE_EXPIRY);
        this.leases = new TokenLeases(FALLBACK_MAX_KEYS, System::nanoTime);
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            String routeId = routeId(config, exchange);
            return exchange.getPrincipal().map(Caller::of)
                    .switchIfEmpty(Mono.fromSupplier(() -> Caller.anonymous(exchange.getRequest())))
                    .flatMap(caller -> {
                        String limitName = properties.limitName(routeId, caller.clientId(), caller.userName());
                        return check(exchange, chain, limitName, caller.bucketKey());
                    });
        };
    }

    private Mono<Void> check(ServerWebExchange exchange, GatewayFilterChain chain, String limitName, String key) {
        RateLimitProperties.Limit limit = properties.named(limitName);
        int leaseSize = TokenLeases.size(limit);
        if (leaseSize == 1 || !limiter.getConfig().containsKey(TokenLeases.leaseName(limitName))) {
            return checkOne(exchange, chain, limitName, key);
        }
        String leaseKey = limitName + "|" + key;
        Map<String, String> leased = leases.take(leaseKey);
        if (leased != null) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            leased.forEach(headers::set);
            return chain.filter(exchange);
        }
        return limiter.isAllowed(TokenLeases.leaseName(limitName), key).flatMap(response -> {
            if (redisFailed(response)) {
                return fallback(exchange, chain, limitName, key);
            }
            if (!response.isAllowed()) {
                // fewer tokens left than a lease: count this one request exactly
                return checkOne(exchange, chain, limitName, key);
            }
            redisBack();
            Map<String, String> headers = new java.util.HashMap<>(response.getHeaders());
            headers.put(limiter.getRequestedTokensHeader(), Integer.toString(limit.requestedTokens()));
            leases.start(leaseKey, leaseSize, headers, limiter.getRemainingHeader());
            HttpHeaders answer = exchange.getResponse().getHeaders();
            headers.forEach(answer::set);
            return chain.filter(exchange);
        });
    }

    private Mono<Void> checkOne(ServerWebExchange exchange, GatewayFilterChain chain, String limitName, String key) {
        return limiter.isAllowed(limitName, key).flatMap(response -> {
            if (redisFailed(response)) {
                return fallback(exchange, chain, limitName, key);
            }
            redisBack();
            HttpHeaders headers = exchange.getResponse().getHeaders();
            response.getHeaders().forEach(headers::set);
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            return refuse(exchange, limitName, response);
        });
    }

    /** {@link RedisRateLimiter} swallows Redis errors and answers "allowed, -1 tokens left". */
    private boolean redisFailed(RateLimiter.Response response) {
        return "-1".equals(response.getHeaders().get(limiter.getRemainingHeader()));
    }

    private Mono<Void> fallback(ServerWebExchange exchange, GatewayFilterChain chain, String limitName, String key) {
        if (redisFailing.compareAndSet(false, true)) {
            log.warn("Redis does not answer: API rate limits are counted in this instance's memory until it is back");
        }
        RateLimitProperties.Limit limit = properties.named(limitName);
        long retryAfter = fallback.tryConsume(limitName + "|" + key, limit);
        if (retryAfter == 0) {
            return chain.filter(exchange);
        }
        return refuse(exchange, retryAfter);
    }

    private void redisBack() {
        if (redisFailing.compareAndSet(true, false)) {
            log.info("Redis answers again: API rate limits are shared again");
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String limitName, RateLimiter.Response response) {
        RateLimitProperties.Limit limit = properties.named(limitName);
        long seconds = RetryAfter.seconds(limit.replenishRate(), limit.requestedTokens(),
                tokensLeft(response.getHeaders()));
        return refuse(exchange, seconds);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long seconds) {
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

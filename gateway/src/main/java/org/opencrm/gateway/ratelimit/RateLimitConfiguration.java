package org.opencrm.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Replaces the gateway's auto-configured limiter so that limits come from {@link RateLimitProperties}. */
    @Bean
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        RateLimitProperties.Limit defaults = properties.defaults();
        RedisRateLimiter limiter = new RedisRateLimiter(defaults.replenishRate(), defaults.burstCapacity(),
                defaults.requestedTokens());
        // keyed by limit name (a route id, client:<id>, user:<name>): the filter passes the name as the "route id"
        properties.namedLimits().forEach((name, limit) -> limiter.getConfig().put(name, new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate()).setBurstCapacity(limit.burstCapacity())
                .setRequestedTokens(limit.requestedTokens())));
        // the same buckets (Redis keys depend on the caller only), taken a lease at a time (ApiRateLimit)
        properties.namedLimits().forEach((name, limit) -> {
            if (TokenLeases.size(limit) > 1) {
                RateLimitProperties.Limit lease = TokenLeases.leaseLimit(limit);
                limiter.getConfig().put(TokenLeases.leaseName(name), new RedisRateLimiter.Config()
                        .setReplenishRate(lease.replenishRate()).setBurstCapacity(lease.burstCapacity())
                        .setRequestedTokens(lease.requestedTokens()));
            }
        });
        return limiter;
    }
}

package org.opencrm.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per client IP, in memory, for callers without a bearer token and without a live session: {@code replenishRate}
 * requests a second, bursts up to {@code burstCapacity}; at most {@code maxClients} IPs are tracked at once.
 */
@ConfigurationProperties("crm.gateway.anonymous-rate-limit")
public record AnonymousRateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") int replenishRate,
        @DefaultValue("50") long burstCapacity, @DefaultValue("100000") long maxClients) {

    RateLimitProperties.Limit limit() {
        return new RateLimitProperties.Limit(replenishRate, burstCapacity, 1);
    }

    /** Long enough for an idle bucket to be full again: forgetting it then changes nothing. */
    Duration idleExpiry() {
        return Duration.ofSeconds(Math.max(60, 2 * burstCapacity / Math.max(1, replenishRate)));
    }
}

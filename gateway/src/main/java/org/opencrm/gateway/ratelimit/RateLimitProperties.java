package org.opencrm.gateway.ratelimit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per caller and route: {@code replenishRate} tokens a second, at most {@code burstCapacity}, each
 * request costs {@code requestedTokens}. A route id under {@code routes} overrides any of the defaults.
 */
@ConfigurationProperties("crm.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue Limit defaults, @DefaultValue Map<String, Limit> routes) {

    public record Limit(@DefaultValue("20") Integer replenishRate, @DefaultValue("40") Long burstCapacity,
            @DefaultValue("1") Integer requestedTokens) {
    }

    /** The limit of a route: its own values where set, the defaults elsewhere. */
    public Limit forRoute(String routeId) {
        Limit own = routes.get(routeId);
        if (own == null) {
            return defaults;
        }
        return new Limit(own.replenishRate() != null ? own.replenishRate() : defaults.replenishRate(),
                own.burstCapacity() != null ? own.burstCapacity() : defaults.burstCapacity(),
                own.requestedTokens() != null ? own.requestedTokens() : defaults.requestedTokens());
    }
}

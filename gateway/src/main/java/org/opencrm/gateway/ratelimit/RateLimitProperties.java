package org.opencrm.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per caller and route: {@code replenishRate} tokens a second, at most {@code burstCapacity}, each
 * request costs {@code requestedTokens}. A route id under {@code routes} overrides any of the defaults. A caller may
 * have its own limit on every route: by the OAuth2 client that obtained its token ({@code clients}, the token's
 * {@code azp}) or by user name ({@code users}, {@code preferred_username}); the client's wins.
 */
@ConfigurationProperties("crm.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue Limit defaults, @DefaultValue Map<String, Limit> routes,
        @DefaultValue Map<String, Limit> clients, @DefaultValue Map<String, Limit> users) {

    static final String CLIENT_PREFIX = "client:";

    static final String USER_PREFIX = "user:";

    public record Limit(@DefaultValue("20") Integer replenishRate, @DefaultValue("40") Long burstCapacity,
            @DefaultValue("1") Integer requestedTokens) {
    }

    /** The limit of a route: its own values where set, the defaults elsewhere. */
    public Limit forRoute(String routeId) {
        return completed(routes.get(routeId));
    }

    /**
     * The name of the limit that applies to a caller on a route: {@code client:<id>}, {@code user:<name>} or the route
     * id. {@link #named} gives its values.
     */
    public String limitName(String routeId, @Nullable String clientId, @Nullable String userName) {
        if (clientId != null && clients.containsKey(clientId)) {
            return CLIENT_PREFIX + clientId;
        }
        if (userName != null && users.containsKey(userName)) {
            return USER_PREFIX + userName;
        }
        return routeId;
    }

    /** The values of a limit named by {@link #limitName}. */
    public Limit named(String name) {
        if (name.startsWith(CLIENT_PREFIX) && clients.containsKey(name.substring(CLIENT_PREFIX.length()))) {
            return completed(clients.get(name.substring(CLIENT_PREFIX.length())));
        }
        if (name.startsWith(USER_PREFIX) && users.containsKey(name.substring(USER_PREFIX.length()))) {
            return completed(users.get(name.substring(USER_PREFIX.length())));
        }
        return forRoute(name);
    }

    /** Every limit name besides the defaults, for the Redis limiter's configuration. */
    Map<String, Limit> namedLimits() {
        Map<String, Limit> all = new HashMap<>();
        routes.keySet().forEach(routeId -> all.put(routeId, forRoute(routeId)));
        clients.keySet().forEach(id -> all.put(CLIENT_PREFIX + id, named(CLIENT_PREFIX + id)));
        users.keySet().forEach(name -> all.put(USER_PREFIX + name, named(USER_PREFIX + name)));
        return all;
    }

    private Limit completed(@Nullable Limit own) {
        if (own == null) {
            return defaults;
        }
        return new Limit(own.replenishRate() != null ? own.replenishRate() : defaults.replenishRate(),
                own.burstCapacity() != null ? own.burstCapacity() : defaults.burstCapacity(),
                own.requestedTokens() != null ? own.requestedTokens() : defaults.requestedTokens());
    }
}

package org.opencrm.gateway.ratelimit;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a request counts against: one bucket per token subject (a user, or a partner client's service account);
 * anonymous callers share one per IP. The OAuth2 client ({@code azp}) and user name select a caller's own limit. The
 * principal is the one Spring Security already built, so the token is not parsed again.
 */
record Caller(String bucketKey, @Nullable String clientId, @Nullable String userName) {

    static final String AUTHORIZED_PARTY = "azp";

    static final String USER_NAME = "preferred_username";

    static Caller of(Principal principal) {
        Map<String, Object> claims = Map.of();
        if (principal instanceof JwtAuthenticationToken jwt) {
            claims = jwt.getTokenAttributes();
        }
        else if (principal instanceof OAuth2AuthenticationToken browser) {
            claims = browser.getPrincipal().getAttributes();
        }
        return new Caller("sub:" + principal.getName(), text(claims.get(AUTHORIZED_PARTY)), text(claims.get(USER_NAME)));
    }

    static Caller anonymous(ServerHttpRequest request) {
        return new Caller("ip:" + ClientIp.of(request), null, null);
    }

    private static @Nullable String text(@Nullable Object claim) {
        return claim instanceof String value ? value : null;
    }
}

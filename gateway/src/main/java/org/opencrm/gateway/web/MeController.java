package org.opencrm.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opencrm.permissions.PermissionTable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who is signed in, for the web UI (and any bearer caller). Answered by the gateway itself;
 * the security chains have already refused anonymous callers with 401.
 */
@RestController
class MeController {

    private final Set<String> crmRoles;

    MeController(PermissionTable permissions) {
        this.crmRoles = Set.copyOf(permissions.roles());
    }

    record Me(String id, String username, String name, String email, List<String> roles) {
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    Me me(Authentication authentication) {
        Map<String, Object> claims = claims(authentication);
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(crmRoles::contains)
                .distinct()
                .sorted()
                .toList();
        return new Me(string(claims, "sub", authentication.getName()), string(claims, "preferred_username", null),
                string(claims, "name", null), string(claims, "email", null), roles);
    }

    private static Map<String, Object> claims(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaims();
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return user.getClaims();
        }
        return new LinkedHashMap<>();
    }

    private static String string(Map<String, Object> claims, String name, String fallback) {
        Object value = claims.get(name);
        return value != null ? value.toString() : fallback;
    }
}

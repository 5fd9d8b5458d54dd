package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakAuthoritiesConverterTest {

    private final KeycloakAuthoritiesConverter converter = new KeycloakAuthoritiesConverter();

    @Test
    void mapsRealmRolesToRolesAndScopesToScopeAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("sales", "offline_access")),
                "scope", "openid customers:read"));
        assertThat(converter.convert(jwt)).extracting(GrantedAuthority::getAuthority)
            .containsExactlyInAnyOrder("ROLE_sales", "ROLE_offline_access", "SCOPE_openid", "SCOPE_customers:read");
    }

    @Test
    void grantsNothingWhenTheTokenHasNoRolesOrScopes() {
        assertThat(converter.convert(jwt(Map.of("realm_access", "not-a-map")))).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u")
            .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}

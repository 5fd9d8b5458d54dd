package org.opencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakAuthoritiesConverterTest {

    @Test
    void mapsRealmRolesAndScopes() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1").issuedAt(Instant.now())
                .claim("realm_access", Map.of("roles", List.of("sales", "offline_access")))
                .claim("scope", "openid customers:read")
                .build();

        assertThat(new KeycloakAuthoritiesConverter().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_sales", "ROLE_offline_access", "SCOPE_openid", "SCOPE_customers:read");
    }

    @Test
    void grantsNothingWithoutRolesOrScopes() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1").build();

        assertThat(new KeycloakAuthoritiesConverter().convert(jwt)).isEmpty();
    }
}

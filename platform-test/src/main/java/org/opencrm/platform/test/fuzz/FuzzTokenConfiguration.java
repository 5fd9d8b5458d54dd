package org.opencrm.platform.test.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Lets a fuzz test reach a service over real HTTP as an admin without Keycloak: the bearer token {@link #ADMIN_TOKEN}
 * decodes to an admin; every other token is refused. Only the signature check is skipped; role mapping and method
 * security run as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FuzzTokenConfiguration {

    public static final String ADMIN_TOKEN = "fuzz-admin";

    @Bean
    @Primary
    JwtDecoder fuzzTokenDecoder() {
        return token -> {
            if (!ADMIN_TOKEN.equals(token)) {
                throw new BadJwtException("not the fuzz test's token");
            }
            Instant now = Instant.now();
            return Jwt.withTokenValue(token)
                .header("alg", "none")
                .subject("fuzz-admin")
                .claim("preferred_username", "fuzz-admin")
                .claim("realm_access", Map.of("roles", List.of("admin")))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .build();
        };
    }
}

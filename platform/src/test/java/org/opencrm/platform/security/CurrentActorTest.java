package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CurrentActorTest {

    @Test
    void tellsAPartnersClientFromAUser() {
        Jwt partner = jwt(Map.of("sub", "service-account-id", "client_id", "acme-partner", "azp", "acme-partner"));
        Jwt user = jwt(Map.of("sub", "user-id", "azp", "crm-gateway", "preferred_username", "sales1"));
        Jwt blank = jwt(Map.of("sub", "user-id", "client_id", " "));

        assertThat(CurrentActor.partnerClientOf(partner)).hasValue("acme-partner");
        assertThat(CurrentActor.partnerClientOf(user)).isEmpty();
        assertThat(CurrentActor.partnerClientOf(blank)).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}

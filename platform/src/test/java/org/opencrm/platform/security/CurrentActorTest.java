package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

    @Test
    void signsWithTheIdAndTheNameBoundedLikeTheColumnsThatKeepThem() {
        assertThat(CurrentActor.Signature.of("user-id", Optional.of("Sam Seller")))
            .isEqualTo(new CurrentActor.Signature("user-id", "Sam Seller"));
        assertThat(CurrentActor.Signature.of("client-id", Optional.empty()).name()).isEqualTo("client-id");
        CurrentActor.Signature longOne = CurrentActor.Signature.of("i".repeat(300), Optional.of("n".repeat(300)));
        assertThat(longOne.id()).hasSize(CurrentActor.Signature.ID_LENGTH);
        assertThat(longOne.name()).hasSize(CurrentActor.Signature.NAME_LENGTH);
        // outside a request
        assertThat(CurrentActor.signature()).isEqualTo(new CurrentActor.Signature("system", "system"));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}

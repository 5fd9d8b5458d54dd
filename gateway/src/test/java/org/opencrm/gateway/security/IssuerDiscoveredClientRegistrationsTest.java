package org.opencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.server.ResponseStatusException;

class IssuerDiscoveredClientRegistrationsTest {

    private static final ClientRegistration KEYCLOAK = ClientRegistration.withRegistrationId("keycloak")
            .clientId("crm-gateway").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://idp/auth").tokenUri("http://idp/token").build();

    private final AtomicInteger discoveries = new AtomicInteger();

    @Test
    void discoversNothingUntilFirstAskedThenKeepsWhatItFound() {
        IssuerDiscoveredClientRegistrations registrations = new IssuerDiscoveredClientRegistrations(() -> {
            discoveries.incrementAndGet();
            return Map.of("keycloak", KEYCLOAK);
        });
        assertThat(discoveries).hasValue(0);

        assertThat(registrations.findByRegistrationId("keycloak").block()).isSameAs(KEYCLOAK);
        assertThat(registrations.findByRegistrationId("keycloak").block()).isSameAs(KEYCLOAK);
        assertThat(registrations.findByRegistrationId("unknown").block()).isNull();
        assertThat(discoveries).hasValue(1);
    }

    @Test
    void anIssuerThatDoesNotAnswerIsA503AndAskedAgainNextTime() {
        IssuerDiscoveredClientRegistrations registrations = new IssuerDiscoveredClientRegistrations(() -> {
            if (discoveries.incrementAndGet() == 1) {
                throw new IllegalArgumentException("Unable to resolve the Configuration with the provided Issuer");
            }
            return Map.of("keycloak", KEYCLOAK);
        });

        assertThatThrownBy(() -> registrations.findByRegistrationId("keycloak").block())
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        unavailable -> assertThat(unavailable.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(registrations.findByRegistrationId("keycloak").block()).isSameAs(KEYCLOAK);
        assertThat(registrations.findByRegistrationId("keycloak").block()).isSameAs(KEYCLOAK);
        assertThat(discoveries).hasValue(2);
    }
}

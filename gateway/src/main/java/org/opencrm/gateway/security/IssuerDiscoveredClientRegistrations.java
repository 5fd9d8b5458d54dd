package org.opencrm.gateway.security;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's OAuth2 client registrations, their provider's endpoints read from the issuer's metadata at the first
 * use instead of at start-up (Boot's repository reads them while the context starts and fails it when Keycloak does
 * not answer). So the gateway starts beside Keycloak, not after it, and a restart while Keycloak is down still serves
 * the web UI and checks bearer tokens (their keys are fetched lazily too). A failed discovery answers 503 and is tried
 * again at the next sign-in; a successful one is kept.
 */
final class IssuerDiscoveredClientRegistrations implements ReactiveClientRegistrationRepository {

    private final Mono<Map<String, ClientRegistration>> registrations;

    IssuerDiscoveredClientRegistrations(Supplier<Map<String, ClientRegistration>> discovery) {
        this.registrations = Mono.fromSupplier(discovery)
                // a blocking HTTP call to the issuer
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(failure -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Sign-in is unavailable: the identity provider does not answer.", failure))
                // keeps a success for good; an error is not cached, the next subscriber discovers again
                .cacheInvalidateIf(discovered -> false);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return registrations.mapNotNull(byId -> byId.get(registrationId));
    }
}

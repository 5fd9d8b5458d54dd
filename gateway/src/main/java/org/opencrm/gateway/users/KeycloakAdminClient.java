package org.opencrm.gateway.users;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The few calls of Keycloak's admin REST API (realm {@code crm}) the Users API needs. Every failure other than an
 * unknown user becomes {@link KeycloakUnavailableException}: to the CRM admin, Keycloak is simply not answering.
 */
class KeycloakAdminClient {

    private static final ParameterizedTypeReference<List<KeycloakRole>> ROLES = new ParameterizedTypeReference<>() {
    };

    private final WebClient keycloak;

    private final Duration timeout;

    KeycloakAdminClient(WebClient keycloak, Duration timeout) {
        this.keycloak = keycloak;
        this.timeout = timeout;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakUser(String id, String username, String firstName, String lastName, String email, Boolean enabled,
            Long createdTimestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakRole(String id, String name) {
    }

    /** Users whose username, email, first or last name contain {@code search}, in Keycloak's order (username). */
    Flux<KeycloakUser> users(String search, int first, int max) {
        return keycloak.get()
                .uri(uri -> uri.path("/users").queryParam("briefRepresentation", true)
                        .queryParamIfPresent("search", Optional.of(search).filter(s -> !s.isBlank()))
                        .queryParam("first", first).queryParam("max", max).build())
                .retrieve().bodyToFlux(KeycloakUser.class)
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    /** The user, or empty if Keycloak knows no such id. */
    Mono<KeycloakUser> user(String id) {
        return keycloak.get().uri("/users/{id}", id)
                .retrieve().bodyToMono(KeycloakUser.class)
                .onErrorResume(WebClientResponseException.NotFound.class, ex -> Mono.empty())
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    /** Realm roles mapped to the user directly. */
    Mono<List<KeycloakRole>> realmRoles(String id) {
        return roles("/users/{id}/role-mappings/realm", id);
    }

    /** Realm roles the user holds, directly or through composites and groups. */
    Mono<List<KeycloakRole>> effectiveRealmRoles(String id) {
        return roles("/users/{id}/role-mappings/realm/composite", id);
    }

    /**
     * Realm roles that could still be mapped to the user. The only way to learn a role's id with view/manage-users
     * alone ({@code GET /roles/{name}} needs view-realm), and Keycloak insists on the id when mapping.
     */
    Mono<List<KeycloakRole>> availableRealmRoles(String id) {
        return roles("/users/{id}/role-mappings/realm/available", id);
    }

    Mono<Void> addRealmRoles(String id, List<KeycloakRole> roles) {
        return roleMappings(HttpMethod.POST, id, roles);
    }

    Mono<Void> removeRealmRoles(String id, List<KeycloakRole> roles) {
        return roleMappings(HttpMethod.DELETE, id, roles);
    }

    /** A partial update: Keycloak keeps every field the body leaves out. */
    Mono<Void> setEnabled(String id, boolean enabled) {
        return keycloak.put().uri("/users/{id}", id).bodyValue(Map.of("enabled", enabled))
                .retrieve().toBodilessEntity().then()
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    /** Ends the user's Keycloak sessions, so that a deactivated user's refresh tokens stop working at once. */
    Mono<Void> logout(String id) {
        return keycloak.post().uri("/users/{id}/logout", id)
                .retrieve().toBodilessEntity().then()
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    private Mono<List<KeycloakRole>> roles(String path, String id) {
        return keycloak.get().uri(path, id).retrieve().bodyToMono(ROLES)
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    private Mono<Void> roleMappings(HttpMethod method, String id, List<KeycloakRole> roles) {
        if (roles.isEmpty()) {
            return Mono.empty();
        }
        return keycloak.method(method).uri("/users/{id}/role-mappings/realm", id).bodyValue(roles)
                .retrieve().toBodilessEntity().then()
                .timeout(timeout).onErrorMap(KeycloakAdminClient::translate);
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof UserNotFoundException || failure instanceof KeycloakUnavailableException) {
            return failure;
        }
        if (failure instanceof WebClientResponseException response
                && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return new UserNotFoundException();
        }
        return new KeycloakUnavailableException(failure);
    }
}

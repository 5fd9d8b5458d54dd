package org.opencrm.lead.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.opencrm.lead.domain.assignment.Candidate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The users holding the sales role, disabled ones included (strategies skip them), read from Keycloak's admin API
 * ({@code GET /roles/<role>/users}) and reused for a short while: a lead creation costs no call to Keycloak while the
 * list is fresh, and a change in Keycloak shows after at most the cache's time to live.
 */
public class KeycloakSalesTeam implements SalesTeam {

    private static final ParameterizedTypeReference<List<KeycloakUser>> USERS = new ParameterizedTypeReference<>() {
    };

    private final RestClient keycloak;

    private final String role;

    private final int maxUsers;

    private final Cache<String, List<Candidate>> cache;

    public KeycloakSalesTeam(RestClient keycloak, String role, int maxUsers, Duration cacheTtl) {
        this.keycloak = keycloak;
        this.role = role;
        this.maxUsers = maxUsers;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1).build();
    }

    @Override
    public List<Candidate> members() {
        return cache.get(role, this::fetch);
    }

    /** The enabled member with this id. */
    public Optional<Candidate> activeMember(String id) {
        return members().stream().filter(Candidate::enabled).filter(user -> user.id().equals(id)).findFirst();
    }

    /** Forgets the cached list: the next call reads Keycloak again. */
    public void forget() {
        cache.invalidateAll();
    }

    private List<Candidate> fetch(String roleName) {
        try {
            List<KeycloakUser> users = keycloak.get()
                    .uri("/roles/{role}/users?briefRepresentation=true&first=0&max={max}", roleName, maxUsers)
                    .retrieve().body(USERS);
            return users == null ? List.of() : users.stream().map(KeycloakUser::candidate).toList();
        }
        catch (RestClientException | OAuth2AuthorizationException ex) {
            // OAuth2AuthorizationException: no token (Keycloak unreachable, or the secret refused)
            throw new SalesTeamUnavailableException("the user directory did not answer: " + ex.getMessage(), ex);
        }
    }

    /** The fields of Keycloak's brief user representation that are used here. */
    record KeycloakUser(String id, String username, String firstName, String lastName, Boolean enabled) {

        Candidate candidate() {
            String name = String.join(" ", Optional.ofNullable(firstName).orElse(""),
                    Optional.ofNullable(lastName).orElse("")).trim();
            return new Candidate(id, username, name.isEmpty() ? username : name, Boolean.TRUE.equals(enabled));
        }
    }
}

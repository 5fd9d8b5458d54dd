package org.opencrm.platform.users;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The members of the configured realm roles, disabled ones included, read from Keycloak's admin API
 * ({@code GET /roles/<role>/users}, one call per role) and reused for a short while: a check costs no call to
 * Keycloak while the list is fresh, and a change in Keycloak shows after at most the cache's time to live.
 */
public class KeycloakUserDirectory implements UserDirectory {

    private static final ParameterizedTypeReference<List<KeycloakUser>> USERS = new ParameterizedTypeReference<>() {
    };

    private final RestClient keycloak;

    private final List<String> roles;

    private final int maxUsers;

    private final Cache<String, List<DirectoryUser>> cache;

    public KeycloakUserDirectory(RestClient keycloak, List<String> roles, int maxUsers, Duration cacheTtl) {
        this.keycloak = keycloak;
        this.roles = List.copyOf(roles);
        this.maxUsers = maxUsers;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1).build();
    }

    @Override
    public List<DirectoryUser> members() {
        return cache.get("members", key -> fetch());
    }

    /** Forgets the cached list: the next call reads Keycloak again. */
    public void forget() {
        cache.invalidateAll();
    }

    private List<DirectoryUser> fetch() {
        Map<String, DirectoryUser> members = new LinkedHashMap<>();
        for (String role : roles) {
            for (KeycloakUser user : membersOf(role)) {
                members.putIfAbsent(user.id(), user.directoryUser());
            }
        }
        return List.copyOf(members.values());
    }

    private List<KeycloakUser> membersOf(String role) {
        try {
            List<KeycloakUser> users = keycloak.get()
                    .uri("/roles/{role}/users?briefRepresentation=true&first=0&max={max}", role, maxUsers)
                    .retrieve().body(USERS);
            return users == null ? List.of() : users;
        }
        catch (RestClientException | OAuth2AuthorizationException ex) {
            // OAuth2AuthorizationException: no token (Keycloak unreachable, or the secret refused)
            throw new UserDirectoryUnavailableException("the user directory did not answer: " + ex.getMessage(), ex);
        }
    }

    /** The fields of Keycloak's brief user representation that are used here. */
    record KeycloakUser(String id, String username, String firstName, String lastName, Boolean enabled) {

        DirectoryUser directoryUser() {
            String name = String.join(" ", Optional.ofNullable(firstName).orElse(""),
                    Optional.ofNullable(lastName).orElse("")).trim();
            return new DirectoryUser(id, username, name.isEmpty() ? username : name, Boolean.TRUE.equals(enabled));
        }
    }
}

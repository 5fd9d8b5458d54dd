package org.opencrm.gateway.users;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.opencrm.gateway.session.UserSessions;
import org.opencrm.gateway.users.KeycloakAdminClient.KeycloakRole;
import org.opencrm.gateway.users.KeycloakAdminClient.KeycloakUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Approving, re-assigning and deactivating users: a user has at most one CRM role, and an admin cannot lock
 * themselves out. Either change ends the user's browser sessions at once: a deactivated user is signed out, one with a
 * new role signs in again without a form (Keycloak's session) and carries the new role from the next request on.
 */
class UserAdministration {

    /** Role look-ups of one page run side by side, but never flood Keycloak. */
    private static final int CONCURRENT_ROLE_LOOKUPS = 8;

    private final KeycloakAdminClient keycloak;

    private final UserSessions sessions;

    UserAdministration(KeycloakAdminClient keycloak, UserSessions sessions) {
        this.keycloak = keycloak;
        this.sessions = sessions;
    }

    record UserView(String id, String username, String name, String email, boolean enabled, List<String> roles,
            Long createdTimestamp, boolean pending) {
    }

    record UserPage(List<UserView> items, String nextCursor) {
    }

    /** One page of users matching {@code search}; the cursor is the offset of the next page. */
    Mono<UserPage> list(String search, int first, int limit) {
        // one more than asked for tells whether a next page exists
        return keycloak.users(search, first, limit + 1).collectList().flatMap(users -> {
            String next = users.size() > limit ? Integer.toString(first + limit) : null;
            return Flux.fromIterable(users.subList(0, Math.min(limit, users.size())))
                    .flatMapSequential(this::view, CONCURRENT_ROLE_LOOKUPS)
                    .collectList()
                    .map(items -> new UserPage(items, next));
        });
    }

    /** Gives the user exactly {@code role}, taking away any other CRM role; other realm roles stay. */
    Mono<UserView> changeRole(String callerId, String userId, CrmRole role) {
        if (callerId.equals(userId) && role != CrmRole.ADMIN) {
            return Mono.error(new SelfAdministrationException(
                    "You cannot change your own role. Ask another admin to do it."));
        }
        return existing(userId)
                .flatMap(user -> keycloak.realmRoles(userId)
                        .flatMap(held -> {
                            List<KeycloakRole> others = otherCrmRoles(held, role);
                            boolean holdsIt = held.stream().anyMatch(r -> role.roleName().equals(r.name()));
                            if (others.isEmpty() && holdsIt) {
                                return Mono.empty(); // nothing changes: the sessions stay
                            }
                            return keycloak.removeRealmRoles(userId, others)
                                    .then(holdsIt ? Mono.empty() : grant(userId, role))
                                    .then(sessions.endAll(userId).then());
                        })
                        .then(Mono.defer(() -> view(user))));
    }

    /** Deactivates (and signs out) or reactivates the user. */
    Mono<UserView> setEnabled(String callerId, String userId, boolean enabled) {
        if (callerId.equals(userId) && !enabled) {
            return Mono.error(new SelfAdministrationException(
                    "You cannot deactivate yourself. Ask another admin to do it."));
        }
        return existing(userId)
                .flatMap(user -> keycloak.setEnabled(userId, enabled)
                        .then(enabled ? Mono.empty() : keycloak.logout(userId).then(sessions.endAll(userId).then()))
                        .then(Mono.defer(() -> keycloak.user(userId).flatMap(this::view))));
    }

    private Mono<KeycloakUser> existing(String userId) {
        return keycloak.user(userId).switchIfEmpty(Mono.error(UserNotFoundException::new));
    }

    private Mono<Void> grant(String userId, CrmRole role) {
        return keycloak.availableRealmRoles(userId)
                .flatMap(available -> available.stream().filter(r -> role.roleName().equals(r.name())).findFirst()
                        .map(r -> keycloak.addRealmRoles(userId, List.of(r)))
                        .orElseGet(() -> Mono.error(new KeycloakUnavailableException(new IllegalStateException(
                                "realm role " + role.roleName() + " is not in the realm")))));
    }

    private static List<KeycloakRole> otherCrmRoles(List<KeycloakRole> held, CrmRole keep) {
        return held.stream().filter(r -> CrmRole.isCrmRole(r.name()) && !keep.roleName().equals(r.name())).toList();
    }

    private Mono<UserView> view(KeycloakUser user) {
        return keycloak.effectiveRealmRoles(user.id()).map(roles -> {
            List<String> crmRoles = roles.stream().map(KeycloakRole::name).filter(CrmRole::isCrmRole).distinct()
                    .sorted().toList();
            return new UserView(user.id(), user.username(), displayName(user), user.email(),
                    !Boolean.FALSE.equals(user.enabled()), crmRoles, user.createdTimestamp(), crmRoles.isEmpty());
        });
    }

    private static String displayName(KeycloakUser user) {
        String name = String.join(" ", Stream.of(user.firstName(), user.lastName())
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
        return name.isBlank() ? user.username() : name;
    }
}

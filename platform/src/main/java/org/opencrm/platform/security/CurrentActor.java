package org.opencrm.platform.security;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is acting: the JWT subject of a user or of a partner's client, and how people know them. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<String> id() {
        return jwt().map(Jwt::getSubject);
    }

    /** The user's full name, else their username, else the partner client's id. */
    public static Optional<String> name() {
        return jwt().flatMap(jwt -> Stream.of("name", "preferred_username", "client_id", "azp")
                .map(jwt::getClaimAsString)
                .filter(value -> value != null && !value.isBlank())
                .findFirst());
    }

    public static Optional<Jwt> jwt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(jwt);
        }
        return Optional.empty();
    }
}

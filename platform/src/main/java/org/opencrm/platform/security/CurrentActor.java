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

    /**
     * Who is acting as a record keeps it beside what they wrote (a note's author, who logged a call): the id, "system"
     * outside a request, and how people know them, bounded like the columns that keep them.
     */
    public static Signature signature() {
        return Signature.of(id().orElse("system"), jwt().flatMap(CurrentActor::nameOf));
    }

    /** How people know the token's holder: the user's full name, else their username, else the client's id. */
    public static Optional<String> nameOf(Jwt jwt) {
        return Stream.of("name", "preferred_username", "client_id", "azp")
                .map(jwt::getClaimAsString)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    /** The partner's client id when a client acts on its own account (client credentials), empty for a user. */
    public static Optional<String> partnerClient() {
        return jwt().flatMap(CurrentActor::partnerClientOf);
    }

    /** Keycloak puts {@code client_id} only into tokens of a client's service account (client credentials). */
    public static Optional<String> partnerClientOf(Jwt jwt) {
        return Optional.ofNullable(jwt.getClaimAsString("client_id")).filter(clientId -> !clientId.isBlank());
    }

    public static Optional<Jwt> jwt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(jwt);
        }
        return Optional.empty();
    }

    /** An actor's id (at most {@value #ID_LENGTH} characters) and name (at most {@value #NAME_LENGTH}). */
    public record Signature(String id, String name) {

        public static final int ID_LENGTH = 128;
        public static final int NAME_LENGTH = 200;

        static Signature of(String id, Optional<String> name) {
            return new Signature(truncated(id, ID_LENGTH), truncated(name.orElse(id), NAME_LENGTH));
        }

        private static String truncated(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max);
        }
    }
}

package org.opencrm.permissions;

import java.util.Collection;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One row of the permission table: an API operation and who may call it.
 *
 * @param name     {@code <area>.<verb>}, e.g. {@code customers.list}
 * @param service  the application that answers it ({@code gateway} for the gateway's own endpoints)
 * @param method   its HTTP method
 * @param pattern  its path, as Spring MVC and WebFlux match it
 * @param roles    realm roles that may call it
 * @param scopes   OAuth scopes of partner clients that may call it
 * @param signedIn any valid access token may call it, with or without a role or scope
 * @param ownRecords roles (of {@code roles}) that reach only their own records through it, e.g. sales only the leads
 *        assigned to them: the service answering the operation applies the rule ({@link #limitsToOwnRecords})
 * @param isPublic anyone may call it without a token (a payment provider's webhook): the service authenticates the
 *        request itself, e.g. by a signature
 */
public record Operation(String name, String service, HttpMethod method, PathPattern pattern, Set<String> roles,
        Set<String> scopes, boolean signedIn, Set<String> ownRecords, boolean isPublic) {

    public Operation(String name, String service, HttpMethod method, PathPattern pattern, Set<String> roles,
            Set<String> scopes, boolean signedIn, Set<String> ownRecords) {
        this(name, service, method, pattern, roles, scopes, signedIn, ownRecords, false);
    }

    public Operation(String name, String service, HttpMethod method, PathPattern pattern, Set<String> roles,
            Set<String> scopes, boolean signedIn) {
        this(name, service, method, pattern, roles, scopes, signedIn, Set.of());
    }

    public static final String ROLE_PREFIX = "ROLE_";

    public static final String SCOPE_PREFIX = "SCOPE_";

    /** An operation from its parts, as a row of the table gives them. */
    public static Operation of(String name, String service, HttpMethod method, String path, Set<String> roles,
            Set<String> scopes) {
        return new Operation(name, service, method, PathPatternParser.defaultInstance.parse(path), Set.copyOf(roles),
                Set.copyOf(scopes), false);
    }

    public String path() {
        return pattern.getPatternString();
    }

    /** Whether a caller holding these authorities ({@code ROLE_<role>}, {@code SCOPE_<scope>}) may call it. */
    public boolean permits(Collection<String> authorities) {
        if (signedIn || isPublic) {
            return true;
        }
        for (String authority : authorities) {
            if (authority.startsWith(ROLE_PREFIX) && roles.contains(authority.substring(ROLE_PREFIX.length()))
                    || authority.startsWith(SCOPE_PREFIX) && scopes.contains(authority.substring(SCOPE_PREFIX.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a caller holding these authorities may call it for their own records only: every role that grants it
     * is one of {@link #ownRecords()}, and no scope or other role grants it for all records.
     */
    public boolean limitsToOwnRecords(Collection<String> authorities) {
        if (signedIn || isPublic || ownRecords.isEmpty()) {
            return false;
        }
        boolean ownOnly = false;
        for (String authority : authorities) {
            if (authority.startsWith(SCOPE_PREFIX) && scopes.contains(authority.substring(SCOPE_PREFIX.length()))) {
                return false;
            }
            if (authority.startsWith(ROLE_PREFIX) && roles.contains(authority.substring(ROLE_PREFIX.length()))) {
                if (!ownRecords.contains(authority.substring(ROLE_PREFIX.length()))) {
                    return false;
                }
                ownOnly = true;
            }
        }
        return ownOnly;
    }

    /** Whether a user holding only this realm role may call it. */
    public boolean permitsRole(String role) {
        return signedIn || isPublic || roles.contains(role);
    }

    /** Whether a partner client holding only this scope may call it. */
    public boolean permitsScope(String scope) {
        return signedIn || isPublic || scopes.contains(scope);
    }
}

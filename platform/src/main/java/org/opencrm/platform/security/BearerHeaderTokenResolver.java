package org.opencrm.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The token of an {@code Authorization: Bearer …} header, as {@link DefaultBearerTokenResolver} reads it by default
 * (the header only; the scheme in any case; RFC 6750's token characters, {@code =} padding at the end; a malformed
 * token is a 401 {@code invalid_token}), checked without its regular expression: that walked every character of a
 * relayed token (~1 KB) on each request: 40 µs at C1, 4 % of a list request's CPU in a profile.
 */
public final class BearerHeaderTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!wellFormed(header)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** Same as {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive, given the scheme matched. */
    private static boolean wellFormed(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || header.charAt(SCHEME.length() - 1) != ' ') {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }
}

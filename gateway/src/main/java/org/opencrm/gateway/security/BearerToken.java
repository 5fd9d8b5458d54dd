package org.opencrm.gateway.security;

import org.springframework.http.HttpHeaders;

/** Whether a request carries {@code Authorization: Bearer …}: such a caller is stateless, never a browser session. */
public final class BearerToken {

    private BearerToken() {
    }

    public static boolean isPresent(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}

package org.opencrm.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where the previous page of a keyset-paginated list ended: the sort key and id of its last row. Clients get
 * it as an opaque string and pass it back unchanged.
 */
public record PageCursor(String key, UUID id) {

    /** The key of a list sorted by time; a 400 when the cursor came from a list sorted otherwise. */
    public Instant instantKey() {
        try {
            return Instant.parse(key);
        }
        catch (DateTimeParseException ex) {
            throw invalid();
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for a missing cursor (first page); a 400 for one this API did not issue */
    public static PageCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.lastIndexOf('|');
            if (separator > 0) {
                return new PageCursor(decoded.substring(0, separator), UUID.fromString(decoded.substring(separator + 1)));
            }
        }
        catch (IllegalArgumentException ex) {
            // fall through to the 400 below
        }
        throw invalid();
    }

    private static ResponseStatusException invalid() {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "cursor is not a cursor returned by this list.");
    }
}

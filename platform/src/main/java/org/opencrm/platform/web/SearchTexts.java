package org.opencrm.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A list's search text ({@code q}) is at least a trigram long: shorter text has no trigram index to find it through
 * and nearly every row holds it, so at a million rows a page walked the whole table into the statement timeout (a
 * 503 after 2.5 s for "yy"). A short text is a 400 naming {@code q} at once instead.
 */
public final class SearchTexts {

    public static final int MIN_LENGTH = 3;

    private SearchTexts() {
    }

    /** The text as given, or {@code null} when blank; refuses one or two characters. */
    public static String require(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.strip().length() < MIN_LENGTH) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "q",
                    "must have at least " + MIN_LENGTH + " characters to search");
        }
        return q;
    }
}

package org.opencrm.platform.paging;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.opencrm.platform.text.ControlCharacters;

/**
 * Where the previous page of a keyset-paginated list ended: which list (and sort) issued it, the sort key and the id
 * of its last row. Clients get it as an opaque string and pass it back unchanged; anything else, a cursor of another
 * list included, is an {@link InvalidCursorException} (the web layer answers it with a 400 naming {@code cursor}),
 * never a query the database cannot run.
 */
public record PageCursor(String list, String key, UUID id) {

    /** Longer than any cursor this API issues (keys are bounded by the columns they come from). */
    public static final int MAX_ENCODED_LENGTH = 1024;

    /** The instants PostgreSQL's timestamptz and Java both hold without surprises. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public PageCursor {
        if (list == null || list.isEmpty() || list.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a cursor's list name must be non-empty and free of '|'");
        }
    }

    /** The key of a list sorted by time; invalid when it is no instant a timestamp column can hold. */
    public Instant instantKey() {
        try {
            Instant instant = Instant.parse(key);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw invalid();
            }
            return instant;
        }
        catch (DateTimeParseException ex) {
            throw invalid();
        }
    }

    /** The key of a list sorted by text; invalid when it is longer than the column it was read from can be. */
    public String textKey(int maxLength) {
        if (key.length() > maxLength) {
            throw invalid();
        }
        return key;
    }

    /** The key of a list sorted by a number; invalid when it is no plain decimal of at most 40 characters. */
    public BigDecimal decimalKey() {
        if (key.length() > 40) {
            throw invalid();
        }
        try {
            BigDecimal decimal = new BigDecimal(key);
            if (decimal.scale() > 20 || decimal.scale() < -20) {
                throw invalid();
            }
            return decimal;
        }
        catch (NumberFormatException ex) {
            throw invalid();
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((list + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param list the name of the list (and sort) asking, e.g. {@code customers.created}: a cursor another list
     *        issued is refused
     * @return null for a missing cursor (first page)
     * @throws InvalidCursorException for a cursor this list did not issue
     */
    public static PageCursor decode(String text, String list) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(text)))
                .toString();
            int first = decoded.indexOf('|');
            int last = decoded.lastIndexOf('|');
            if (first > 0 && last > first && decoded.substring(0, first).equals(list)) {
                String key = decoded.substring(first + 1, last);
                if (!ControlCharacters.contains(key)) {
                    return new PageCursor(list, key, UUID.fromString(decoded.substring(last + 1)));
                }
            }
        }
        catch (IllegalArgumentException | CharacterCodingException ex) {
            // fall through to the refusal below
        }
        throw invalid();
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException();
    }
}

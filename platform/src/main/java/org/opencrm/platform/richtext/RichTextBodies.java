package org.opencrm.platform.richtext;

import java.nio.charset.StandardCharsets;

import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Turns a client's rich text into what is stored: sanitised by the platform's policy ({@link RichText}), then bounded.
 * Sanitised on write and stored sanitised, so that every reader (the web UI, partners through the API, exports, event
 * excerpts) gets HTML that is safe as it is, and no read path can forget to sanitise.
 */
public class RichTextBodies {

    /** Longest plain-text excerpt an event carries. */
    public static final int EXCERPT_LENGTH = 200;

    private final long maxBytes;

    /** @param maxBodySize the largest body, measured once sanitised (UTF-8) */
    public RichTextBodies(DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    /** The sanitised body; 422 naming {@code field} when nothing readable is left, or too much. */
    public String required(String field, String html) {
        String body = bounded(field, html);
        if (PlainText.of(body).isEmpty()) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, field,
                    "has no text left once unsafe markup is removed");
        }
        return body;
    }

    /** The sanitised body, empty for none; 422 naming {@code field} when it is too large. */
    public String optional(String field, String html) {
        return html == null ? "" : bounded(field, html);
    }

    private String bounded(String field, String html) {
        String body = RichText.sanitize(html);
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, field,
                    "is larger than " + maxBytes / 1024 + " KB once sanitised");
        }
        return body;
    }

    /** A stored body's plain text as an event carries it: at most {@link #EXCERPT_LENGTH} characters. */
    public static String excerpt(String body) {
        return PlainText.excerpt(body, EXCERPT_LENGTH);
    }
}

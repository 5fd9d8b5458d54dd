package org.opencrm.platform.test.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request of {@link OpenApiFuzzer}.
 *
 * @param method HTTP method
 * @param uri path and query, percent-encoded as it goes on the wire
 * @param body the body, or null for none
 * @param chunked send the body without Content-Length (where the transport can)
 * @param description what the request tries, for the failure report
 */
public record FuzzRequest(String method, String uri, byte[] body, boolean chunked, String description) {

    static FuzzRequest of(String method, String uri, String body, String description) {
        return new FuzzRequest(method, uri, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false,
                description);
    }

    @Override
    public String toString() {
        return method + " " + (uri.length() > 120 ? uri.substring(0, 120) + "…" : uri) + " (" + description + ")";
    }
}

package org.opencrm.platform.test.fuzz;

/**
 * What came back for a {@link FuzzRequest}.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header, or null
 * @param body the body as text (may be empty)
 */
public record FuzzResponse(int status, String contentType, String body) {

    /** No response: the server closed the connection while the body was still being sent. */
    public static final int CLOSED_WHILE_SENDING = 0;
}

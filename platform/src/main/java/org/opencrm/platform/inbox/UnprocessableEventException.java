package org.opencrm.platform.inbox;

/**
 * A record that can never be applied, however often it is retried: an invalid envelope or payload, a version the
 * handler does not know, or a handler's own validation failure. It goes straight to the dead-letter topic; any other
 * exception is retried, holding its partition, until it succeeds.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

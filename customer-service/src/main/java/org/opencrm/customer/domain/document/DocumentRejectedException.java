package org.opencrm.customer.domain.document;

/** An upload the rules refuse: too large, empty, or of a type that is not allowed. */
public class DocumentRejectedException extends RuntimeException {

    /** Why, so that the web layer can pick the status. */
    public enum Reason {
        TOO_LARGE, EMPTY, UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

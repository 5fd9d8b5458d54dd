package org.opencrm.platform.web;

/** Answered with 409 problem details; the message tells the client what clashed. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null when the conflict is about the resource as a whole. */
    public String field() {
        return field;
    }
}

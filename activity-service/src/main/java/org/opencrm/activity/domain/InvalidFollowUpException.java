package org.opencrm.activity.domain;

/** A follow-up field the domain refuses (answered with 400, naming the field). */
public class InvalidFollowUpException extends RuntimeException {

    private final String field;

    public InvalidFollowUpException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package org.opencrm.lead.domain;

/** Input that can never make a valid lead, naming the field at fault (answered with 400). */
public class InvalidLeadException extends RuntimeException {

    private final String field;

    public InvalidLeadException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

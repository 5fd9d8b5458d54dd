package org.opencrm.activity.domain;

/**
 * Well-formed input naming something this service does not know as usable: a customer or lead it has no event of
 * (or a deleted one), a lead of another customer, a user it has never seen (answered with 422, naming the field).
 */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

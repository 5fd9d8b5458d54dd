package org.opencrm.lead.domain;

/**
 * Well-formed input naming something this service does not know as usable, such as a deleted customer or a user who
 * is no active sales user (answered with 422, naming the field).
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

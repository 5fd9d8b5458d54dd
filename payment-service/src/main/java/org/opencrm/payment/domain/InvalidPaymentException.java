package org.opencrm.payment.domain;

/** A value that is well-formed but cannot be accepted (answered 422 naming {@link #field()}). */
public class InvalidPaymentException extends RuntimeException {

    private final String field;

    public InvalidPaymentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

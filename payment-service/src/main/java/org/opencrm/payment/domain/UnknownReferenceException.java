package org.opencrm.payment.domain;

/** A customer or lead this service does not know (or that cannot be paid for): 422 naming the field. */
public class UnknownReferenceException extends InvalidPaymentException {

    public UnknownReferenceException(String field, String message) {
        super(field, message);
    }
}

package org.opencrm.payment.application;

/** A provider event whose signature does not prove it comes from the provider (answered 401). */
public class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}

package org.opencrm.customer.domain;

/** A well-formed owner id naming no active user (answered with 422, naming the field {@code owner}). */
public class UnknownOwnerException extends RuntimeException {

    public UnknownOwnerException(String ownerId) {
        super("User " + ownerId + " is no active user.");
    }
}

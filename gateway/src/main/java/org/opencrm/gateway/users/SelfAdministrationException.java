package org.opencrm.gateway.users;

/** An admin tried to deactivate or demote themselves: refused, so that a realm never loses its last admin by mistake. */
class SelfAdministrationException extends RuntimeException {

    SelfAdministrationException(String message) {
        super(message);
    }
}

package org.opencrm.gateway.users;

/** Keycloak knows no user with the given id (or it was deleted meanwhile). */
class UserNotFoundException extends RuntimeException {

    UserNotFoundException() {
        super("No user with this id.");
    }
}

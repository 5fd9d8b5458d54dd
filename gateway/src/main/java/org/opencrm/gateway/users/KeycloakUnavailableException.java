package org.opencrm.gateway.users;

/** Keycloak could not be reached, timed out, or refused the service account: user administration is unavailable. */
class KeycloakUnavailableException extends RuntimeException {

    KeycloakUnavailableException(Throwable cause) {
        super("Keycloak's admin API failed: " + cause, cause);
    }
}

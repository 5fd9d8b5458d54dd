package org.opencrm.platform.users;

/** The user directory (Keycloak) did not answer in time or refused the service's credentials: a 503 to retry. */
public class UserDirectoryUnavailableException extends RuntimeException {

    public UserDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.opencrm.lead.application;

/** The user directory (Keycloak) did not answer in time or refused the service's credentials. */
public class SalesTeamUnavailableException extends RuntimeException {

    public SalesTeamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

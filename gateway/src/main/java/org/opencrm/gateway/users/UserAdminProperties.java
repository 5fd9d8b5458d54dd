package org.opencrm.gateway.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Users API's way into Keycloak.
 *
 * @param adminUri the realm's admin REST API ({@code <keycloak>/admin/realms/crm}); empty: derived from the issuer URI
 * @param clientRegistrationId the client-credentials registration whose service account may manage users
 * @param timeout how long one call to Keycloak may take before the request answers 503
 * @param maxPageSize the largest {@code limit} a caller may ask for
 */
@ConfigurationProperties("crm.gateway.users")
public record UserAdminProperties(String adminUri, String clientRegistrationId, Duration timeout, Integer maxPageSize) {

    public UserAdminProperties {
        clientRegistrationId = clientRegistrationId == null || clientRegistrationId.isBlank() ? "crm-user-admin"
                : clientRegistrationId;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
    }

    /** {@code http://host/realms/crm} → {@code http://host/admin/realms/crm}, unless set explicitly. */
    String adminUriFor(String issuerUri) {
        if (adminUri != null && !adminUri.isBlank()) {
            return adminUri;
        }
        int realms = issuerUri.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalStateException("crm.gateway.users.admin-uri is not set and the issuer URI " + issuerUri
                    + " has no /realms/<name> to derive it from");
        }
        return issuerUri.substring(0, realms) + "/admin" + issuerUri.substring(realms);
    }
}

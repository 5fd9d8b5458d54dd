package org.opencrm.platform.users;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds its users ({@link UserDirectory}); only services that set {@code source} get one.
 *
 * @param source {@code keycloak}: the members of {@code roles} in Keycloak; {@code configured}: the list {@code users},
 *        all enabled (tests that need no Keycloak)
 * @param roles the realm roles whose members are the directory's users
 * @param adminUri the realm's admin REST API ({@code <keycloak>/admin/realms/crm}); empty: derived from the issuer
 * @param clientRegistrationId the client-credentials registration whose service account may list role members
 *        (realm-management {@code view-users}, {@code query-users}, {@code view-realm})
 * @param timeout how long one call to Keycloak may take (connect and read each)
 * @param cacheTtl how long the list is reused before it is read again
 * @param maxUsers the most members read per role
 * @param users the users of a {@code configured} directory
 */
@ConfigurationProperties("crm.users.directory")
public record UserDirectoryProperties(Source source, @DefaultValue({ "admin", "manager", "sales" }) List<String> roles,
        String adminUri, String clientRegistrationId, @DefaultValue("2s") Duration timeout,
        @DefaultValue("30s") Duration cacheTtl, @DefaultValue("1000") int maxUsers,
        @DefaultValue List<ConfiguredUser> users) {

    public enum Source {
        KEYCLOAK, CONFIGURED
    }

    public record ConfiguredUser(String id, String username, String name) {
    }

    /** {@code http://host/realms/crm} → {@code http://host/admin/realms/crm}, unless set explicitly. */
    public String adminUriFor(String issuerUri) {
        if (adminUri != null && !adminUri.isBlank()) {
            return adminUri;
        }
        int realms = issuerUri.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalStateException("crm.users.directory.admin-uri is not set and the issuer URI " + issuerUri
                    + " has no /realms/<name> to derive it from");
        }
        return issuerUri.substring(0, realms) + "/admin" + issuerUri.substring(realms);
    }
}

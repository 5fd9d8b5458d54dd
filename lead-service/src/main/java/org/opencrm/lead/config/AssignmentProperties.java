package org.opencrm.lead.config;

import java.time.Duration;

import org.opencrm.lead.domain.assignment.AssignmentStrategyName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param strategy who gets a lead created without an assignee: {@code round-robin} or {@code fewest-open}
 * @param directory where the sales users come from
 * @param retryInterval how often leads left unassigned (the directory did not answer) are assigned again
 * @param retryBatch how many of them one transaction assigns
 */
@ConfigurationProperties("crm.leads.assignment")
public record AssignmentProperties(@DefaultValue("round-robin") AssignmentStrategyName strategy,
        @DefaultValue Directory directory, @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("50") int retryBatch) {

    /**
     * @param source {@code keycloak}: the users holding {@code role} in Keycloak; {@code configured}: the list of
     *        {@code crm.leads.sales-users}, all enabled (tests that need no Keycloak)
     * @param adminUri the realm's admin REST API ({@code <keycloak>/admin/realms/crm}); empty: derived from the issuer
     * @param clientRegistrationId the client-credentials registration whose service account may list users
     * @param role the realm role of the users leads go to
     * @param timeout how long one call to Keycloak may take (connect and read each)
     * @param cacheTtl how long the list of sales users is reused before it is fetched again
     * @param maxUsers the most sales users read
     */
    public record Directory(@DefaultValue("keycloak") Source source, String adminUri, @DefaultValue("crm-lead-service") String clientRegistrationId,
            @DefaultValue("sales") String role, @DefaultValue("2s") Duration timeout,
            @DefaultValue("30s") Duration cacheTtl, @DefaultValue("1000") int maxUsers) {

        public enum Source {
            KEYCLOAK, CONFIGURED
        }

        /** {@code http://host/realms/crm} → {@code http://host/admin/realms/crm}, unless set explicitly. */
        public String adminUriFor(String issuerUri) {
            if (adminUri != null && !adminUri.isBlank()) {
                return adminUri;
            }
            int realms = issuerUri.lastIndexOf("/realms/");
            if (realms < 0) {
                throw new IllegalStateException("crm.leads.assignment.directory.admin-uri is not set and the issuer URI "
                        + issuerUri + " has no /realms/<name> to derive it from");
            }
            return issuerUri.substring(0, realms) + "/admin" + issuerUri.substring(realms);
        }
    }
}

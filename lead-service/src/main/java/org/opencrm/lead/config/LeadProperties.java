package org.opencrm.lead.config;

import java.util.List;

import org.opencrm.lead.domain.SalesUser;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param salesUsers the active sales users leads may be assigned to, as long as no user directory is wired to
 *        Keycloak (config-repo/lead-service.yml lists the dev realm's)
 * @param demoLeads how many demo leads to create across the known customers when there are none (0: none)
 */
@ConfigurationProperties("crm.leads")
public record LeadProperties(@DefaultValue List<SalesUser> salesUsers, @DefaultValue("0") int demoLeads) {
}

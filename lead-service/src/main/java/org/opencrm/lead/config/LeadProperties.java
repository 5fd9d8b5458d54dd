package org.opencrm.lead.config;

import java.util.List;

import org.opencrm.lead.domain.SalesUser;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param salesUsers the sales users when {@code crm.leads.assignment.directory.source} is {@code configured} (tests);
 *        otherwise they come from Keycloak
 * @param demoLeads how many demo leads to create across the known customers when there are none (0: none)
 */
@ConfigurationProperties("crm.leads")
public record LeadProperties(@DefaultValue List<SalesUser> salesUsers, @DefaultValue("0") int demoLeads) {
}

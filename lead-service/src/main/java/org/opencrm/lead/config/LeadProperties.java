package org.opencrm.lead.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoLeads how many demo leads to create across the known customers when there are none (0: none)
 */
@ConfigurationProperties("crm.leads")
public record LeadProperties(@DefaultValue("0") int demoLeads) {
}

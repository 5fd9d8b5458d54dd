package org.opencrm.lead.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoLeads how many demo leads to create across the known customers when there are none (0: none)
 * @param demoAssignees the usernames of the sales users the demo leads go to (none: every active sales user)
 */
@ConfigurationProperties("crm.leads")
public record LeadProperties(@DefaultValue("0") int demoLeads, @DefaultValue List<String> demoAssignees) {
}

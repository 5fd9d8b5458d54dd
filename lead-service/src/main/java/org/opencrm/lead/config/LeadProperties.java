package org.opencrm.lead.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param demoLeads how many demo leads to create across the known customers when there are none (0: none)
 * @param demoAssignees the usernames of the sales users the demo leads go to (none: every active sales user)
 * @param maxNoteSize the largest rich-text body of a note on a lead, measured once sanitised (UTF-8)
 */
@ConfigurationProperties("crm.leads")
public record LeadProperties(@DefaultValue("0") int demoLeads, @DefaultValue List<String> demoAssignees,
        @DefaultValue("100KB") DataSize maxNoteSize) {
}

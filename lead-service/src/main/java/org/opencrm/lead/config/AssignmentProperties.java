package org.opencrm.lead.config;

import java.time.Duration;

import org.opencrm.lead.domain.assignment.AssignmentStrategyName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param strategy who gets a lead created without an assignee: {@code round-robin} or {@code fewest-open}
 * @param retryInterval how often leads left unassigned (the directory did not answer) are assigned again
 * @param retryBatch how many of them one transaction assigns
 */
@ConfigurationProperties("crm.leads.assignment")
public record AssignmentProperties(@DefaultValue("round-robin") AssignmentStrategyName strategy,
        @DefaultValue("30s") Duration retryInterval, @DefaultValue("50") int retryBatch) {
}

package org.opencrm.lead.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often due and outdated leads are looked for
 * @param batchSize leads per transaction
 * @param publishRuleChanges whether scores changed by a new rule set are published as {@code lead.scored} too
 */
@ConfigurationProperties("crm.leads.scoring.recompute")
public record RescoringProperties(@DefaultValue("5s") Duration interval, @DefaultValue("500") int batchSize,
        @DefaultValue("false") boolean publishRuleChanges) {
}

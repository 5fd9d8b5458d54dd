package org.opencrm.lead.config;

import org.opencrm.lead.application.CurrentScoringRules;
import org.opencrm.lead.application.ScoringJob;
import org.opencrm.lead.domain.scoring.ScoringRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The scoring rules of {@code crm.leads.scoring}, bound again whenever the environment changes (a refresh,
 * {@code POST /actuator/refresh}, re-reads the config server): immutable rules are swapped, not rebound in place, and a
 * new rule set sends the scoring job over all leads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RescoringProperties.class)
class ScoringConfiguration {

    static final String PREFIX = "crm.leads.scoring";

    @Bean
    CurrentScoringRules currentScoringRules(Environment environment) {
        return new CurrentScoringRules(bind(environment));
    }

    @Bean
    RulesRefresh scoringRulesRefresh(Environment environment, CurrentScoringRules rules, ScoringJob job) {
        return new RulesRefresh(environment, rules, job);
    }

    static ScoringRules bind(Environment environment) {
        return Binder.get(environment).bind(PREFIX, ScoringRules.class)
                .orElseThrow(() -> new IllegalStateException(PREFIX + " holds no scoring rules"));
    }

    record RulesRefresh(Environment environment, CurrentScoringRules rules, ScoringJob job) {

        @EventListener
        public void onEnvironmentChange(EnvironmentChangeEvent event) {
            if (event.getKeys().stream().anyMatch(key -> key.startsWith(PREFIX))) {
                if (rules.replace(bind(environment))) {
                    job.rulesChanged();
                }
            }
        }
    }
}

package org.opencrm.lead.config;

import org.opencrm.lead.application.AutomaticAssignment;
import org.opencrm.lead.application.SalesTeam;
import org.opencrm.lead.application.SalesTeamDirectory;
import org.opencrm.lead.application.TeamAutoAssignment;
import org.opencrm.lead.domain.AutoAssignment;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.platform.users.UserDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sales team leads are assigned to: the platform's user directory ({@code crm.users.directory}), whose roles
 * lead-service configures as the sales role alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssignmentProperties.class)
class SalesTeamConfiguration {

    @Bean
    SalesTeam salesTeam(UserDirectory users) {
        return () -> users.members().stream()
                .map(user -> new Candidate(user.id(), user.username(), user.name(), user.enabled())).toList();
    }

    @Bean
    SalesUserDirectory salesUserDirectory(SalesTeam team) {
        return new SalesTeamDirectory(team);
    }

    @Bean
    AutoAssignment autoAssignment(AutomaticAssignment assignment) {
        return new TeamAutoAssignment(assignment);
    }
}

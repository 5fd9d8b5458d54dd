package org.opencrm.lead.config;

import java.time.Duration;

import org.opencrm.lead.application.DemoLeads;
import org.opencrm.platform.demo.DemoDataLoader;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo leads need the demo customers, which arrive as events while customer-service creates them. */
@Configuration(proxyBeanMethods = false)
class DemoLeadsConfiguration {

    @Bean
    @ConditionalOnExpression("${crm.leads.demo-leads:0} > 0")
    ApplicationRunner demoLeadsLoader(LeadProperties properties, DemoLeads demoLeads) {
        return args -> new DemoDataLoader("leads", "customers", Duration.ofSeconds(5), 120).startWhenSettled(
                demoLeads::knownCustomers,
                () -> demoLeads.loadIfEmpty(properties.demoLeads(), properties.demoAssignees()));
    }
}

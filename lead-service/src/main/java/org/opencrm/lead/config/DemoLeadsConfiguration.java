package org.opencrm.lead.config;

import java.time.Duration;

import org.opencrm.lead.application.DemoLeads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo leads need the demo customers, which arrive as events while customer-service creates them: wait until the
 * known customers stop growing, then create the leads once, off the start-up thread.
 */
@Configuration(proxyBeanMethods = false)
class DemoLeadsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoLeadsConfiguration.class);

    private static final Duration POLL = Duration.ofSeconds(5);

    private static final int MAX_POLLS = 120;

    @Bean
    @ConditionalOnExpression("${crm.leads.demo-leads:0} > 0")
    ApplicationRunner demoLeadsLoader(LeadProperties properties, DemoLeads demoLeads) {
        return args -> {
            Thread loader = new Thread(() -> load(properties, demoLeads), "demo-leads");
            loader.setDaemon(true);
            loader.start();
        };
    }

    private static void load(LeadProperties properties, DemoLeads demoLeads) {
        try {
            long previous = -1;
            for (int poll = 0; poll < MAX_POLLS; poll++) {
                long customers = demoLeads.knownCustomers();
                if (customers > 0 && customers == previous) {
                    int created = demoLeads.loadIfEmpty(properties.demoLeads(), properties.demoAssignees());
                    if (created > 0) {
                        log.info("Created {} demo leads across {} customers", created, customers);
                    }
                    return;
                }
                previous = customers;
                Thread.sleep(POLL.toMillis());
            }
            log.info("No demo leads: no customers arrived");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            log.warn("Demo leads not created: {}", ex.getMessage());
        }
    }
}

package org.opencrm.lead.config;

import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.opencrm.lead.domain.AutoAssignment;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadProperties.class)
public class LeadConfiguration {

    /** The service that publishes a topic declares it, with enough partitions for consumers to scale out. */
    @Bean
    NewTopic leadTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic(EventEnvelope.topicOf("lead"))).partitions(6).build();
    }

    @Bean
    SalesUserDirectory salesUserDirectory(LeadProperties properties) {
        return new ConfiguredSalesUsers(properties.salesUsers());
    }

    /** Leads created without an assignee stay unassigned until a strategy is configured. */
    @Bean
    AutoAssignment autoAssignment() {
        return (leadId, customerId) -> Optional.empty();
    }
}

package org.opencrm.lead.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventsProperties;
import org.opencrm.platform.richtext.RichTextBodies;
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
    RichTextBodies noteBodies(LeadProperties properties) {
        return new RichTextBodies(properties.maxNoteSize());
    }
}

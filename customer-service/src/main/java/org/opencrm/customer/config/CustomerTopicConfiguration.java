package org.opencrm.customer.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The service that publishes a topic declares it, with enough partitions for consumers to scale out. */
@Configuration(proxyBeanMethods = false)
public class CustomerTopicConfiguration {

    @Bean
    NewTopic customerTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic(EventEnvelope.topicOf("customer"))).partitions(6).build();
    }
}

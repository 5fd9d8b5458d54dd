package org.opencrm.payment.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.opencrm.payment.application.WebhookSignature;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventsProperties;
import org.opencrm.platform.web.ConstraintMessage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    /** The service that publishes a topic declares it, with enough partitions for consumers to scale out. */
    @Bean
    NewTopic paymentTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic(EventEnvelope.topicOf("payment"))).partitions(6).build();
    }

    @Bean
    WebhookSignature webhookSignature(PaymentProperties properties, Clock clock) {
        return new WebhookSignature(properties.provider().secret(), properties.provider().tolerance(), clock);
    }

    /** Two payments naming the same provider reference, the second between our check and the insert. */
    @Bean
    ConstraintMessage paymentExternalRefUnique() {
        return new ConstraintMessage("payment_external_ref", HttpStatus.CONFLICT, "externalRef",
                "Another payment has this external reference.");
    }
}

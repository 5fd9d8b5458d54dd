package org.opencrm.platform.test;

import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's Kafka clients at {@link TestInfrastructure#kafka()}, its topics under this JVM's names
 * ({@link TestNamespace#topic}: {@code crm.events.topic-prefix}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(BackendCondition.Containers.class)
    KafkaContainer crmTestKafkaContainer() {
        return Containers.kafka();
    }

    @Bean
    DynamicPropertyRegistrar crmTestTopicPrefix() {
        return registry -> registry.add("crm.events.topic-prefix", () -> TestNamespace.topic(""));
    }

    @Bean
    @Conditional(BackendCondition.LocalProcesses.class)
    DynamicPropertyRegistrar crmTestKafkaProperties() {
        return registry -> registry.add("spring.kafka.bootstrap-servers",
                () -> TestInfrastructure.kafka().bootstrapServers());
    }
}

package org.opencrm.customer.config;

import org.opencrm.customer.application.CustomerPurge;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeProperties.class)
class PurgeConfiguration {

    @Bean
    CustomerPurge.Retention customerRetention(PurgeProperties properties) {
        return new CustomerPurge.Retention(properties.after(), properties.batchSize());
    }
}

package org.opencrm.customer.config;

import org.opencrm.customer.application.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

    @Bean
    @ConditionalOnExpression("${crm.demo-data.customers:0} > 0")
    ApplicationRunner demoDataLoader(DemoDataProperties properties, DemoData demoData) {
        return args -> {
            int created = demoData.loadIfEmpty(properties.customers(), properties.owners().stream()
                    .map(owner -> new DemoData.DemoOwner(owner.id(), owner.name())).toList());
            if (created > 0) {
                log.info("Created {} demo customers", created);
            }
        };
    }
}

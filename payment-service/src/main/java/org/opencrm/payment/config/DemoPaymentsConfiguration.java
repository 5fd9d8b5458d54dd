package org.opencrm.payment.config;

import java.time.Duration;

import org.opencrm.payment.application.DemoPayments;
import org.opencrm.platform.demo.DemoDataLoader;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo payments need the demo customers, which arrive as events while customer-service creates them. */
@Configuration(proxyBeanMethods = false)
class DemoPaymentsConfiguration {

    @Bean
    @ConditionalOnExpression("${crm.payments.demo-payments:0} > 0")
    ApplicationRunner demoPaymentsLoader(PaymentProperties properties, DemoPayments demoPayments) {
        return args -> new DemoDataLoader("payments", "customers", Duration.ofSeconds(5), 120)
            .startWhenSettled(demoPayments::knownCustomers, () -> demoPayments.loadIfEmpty(properties.demoPayments()));
    }
}

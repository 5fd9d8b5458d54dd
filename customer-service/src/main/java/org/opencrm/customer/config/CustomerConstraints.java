package org.opencrm.customer.config;

import org.opencrm.customer.application.CustomerService;
import org.opencrm.platform.web.ConstraintMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** How the platform reports a violation of the customer table's constraints that a client can cause. */
@Configuration(proxyBeanMethods = false)
class CustomerConstraints {

    /** A concurrent create or update that took the same email between our check and the insert. */
    @Bean
    ConstraintMessage customerEmailUnique() {
        return new ConstraintMessage("customer_email_unique", HttpStatus.CONFLICT, "email", CustomerService.EMAIL_TAKEN);
    }
}

package org.opencrm.customer.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.opencrm.customer.api.CustomerRequest;

class DemoCustomersTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void everyDemoCustomerPassesTheApiValidation() {
        List<CustomerDetails> customers = DemoCustomers.generate(500, 42);

        assertThat(customers).hasSize(500).allSatisfy(customer -> {
            Set<ConstraintViolation<CustomerRequest>> violations = validator.validate(
                    new CustomerRequest(customer.name(), customer.email(), customer.phone(),
                            customer.company(), customer.tags()));
            assertThat(violations).as(customer.toString()).isEmpty();
        });
    }

    @Test
    void mostHaveACompanyAndSomeCarryTags() {
        List<CustomerDetails> customers = DemoCustomers.generate(500, 42);

        assertThat(customers.stream().filter(customer -> customer.company() != null).count()).isGreaterThan(350);
        assertThat(customers.stream().flatMap(customer -> customer.tags().stream()).distinct())
            .containsAnyElementsOf(DemoCustomers.TAGS).allMatch(DemoCustomers.TAGS::contains);
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        List<CustomerDetails> customers = DemoCustomers.generate(2000, 7);

        Set<String> emails = customers.stream().map(customer -> customer.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(emails).hasSize(customers.size());
    }

    @Test
    void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
        assertThat(DemoCustomers.generate(50, 1)).isEqualTo(DemoCustomers.generate(50, 1))
                .isNotEqualTo(DemoCustomers.generate(50, 2));
    }
}

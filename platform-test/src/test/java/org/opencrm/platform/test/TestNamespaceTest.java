package org.opencrm.platform.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestNamespaceTest {

    @Test
    void namesAPlainIdentifierOfModuleAndProcess() {
        assertThat(TestNamespace.name("customer-service", 4711)).isEqualTo("crm_test_customer_service_4711");
    }

    @Test
    void keepsWithinPostgresIdentifierLengthAndKeepsThePid() {
        String name = TestNamespace.name("a-very-long-module-name-".repeat(5), 123456789);

        assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("_123456789").matches("[a-z0-9_]+");
    }

    @Test
    void prefixesTopicsWithTheName() {
        assertThat(TestNamespace.topic("crm.customer")).isEqualTo(TestNamespace.name() + ".crm.customer");
    }
}

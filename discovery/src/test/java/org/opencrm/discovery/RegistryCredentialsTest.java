package org.opencrm.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencrm.discovery.config.RegistryCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Outside the local profile nothing supplies credentials: the registry must refuse to start rather than run open. */
class RegistryCredentialsTest {

    @EnableConfigurationProperties(RegistryCredentials.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void refusesToStartWithoutCredentials() {
        context.withPropertyValues("crm.discovery.username=", "crm.discovery.password=")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("CRM_DISCOVERY_PASSWORD"));
    }

    @Test
    void startsWithCredentials() {
        context.withPropertyValues("crm.discovery.username=u", "crm.discovery.password=p")
                .run(started -> assertThat(started).hasNotFailed());
    }
}

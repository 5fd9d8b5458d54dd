package org.opencrm.configserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencrm.configserver.config.ConfigServerCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Outside the local profile nothing supplies credentials: the server must refuse to start rather than run open. */
class ConfigServerCredentialsTest {

    @EnableConfigurationProperties(ConfigServerCredentials.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void refusesToStartWithoutCredentials() {
        context.withPropertyValues("crm.config-server.username=", "crm.config-server.password=")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("CRM_CONFIG_PASSWORD"));
    }

    @Test
    void startsWithCredentials() {
        context.withPropertyValues("crm.config-server.username=u", "crm.config-server.password=p")
                .run(started -> assertThat(started).hasNotFailed());
    }
}

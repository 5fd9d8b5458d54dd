package org.opencrm.platform.test.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.config.client.ConfigClientFailFastException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencrm.platform.test.ClosedPorts.closedPort;

/**
 * Every component imports its configuration as {@code optional:configserver:…} with {@code fail-fast: true}, shaped
 * like the sample service's. "Optional" must not mean "start on the defaults": a pod whose config server is
 * unreachable (or whose {@code CRM_CONFIG_URL} is missing, leaving the loopback default) stops, once its retries are
 * spent, instead of running on the development settings.
 */
class UnreachableConfigServerTest {

    @Test
    void refusesToStartWithoutItsConfiguration() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(SampleServiceApplication.class)
            .web(WebApplicationType.NONE)
            .properties("CRM_CONFIG_PORT=" + closedPort(), "spring.cloud.config.retry.max-attempts=1",
                    "spring.profiles.active=k8s");

        assertThatThrownBy(service::run).isInstanceOf(ConfigClientFailFastException.class)
            .hasMessageContaining("fail fast");
    }
}

package org.opencrm.platform.test;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.Container;

import static org.assertj.core.api.Assertions.assertThat;

/** Without Docker only property registrars are declared (Surefire runs this with {@code -Dcrm.test.backend=local}). */
class LocalWiringTest {

    @Test
    void declaresPropertyRegistrarsAndNoContainers() {
        assertThat(TestInfrastructure.usesContainers()).isFalse();
        new ApplicationContextRunner()
                .withUserConfiguration(PostgresTestConfiguration.class, KafkaTestConfiguration.class,
                        RedisTestConfiguration.class, KeycloakTestConfiguration.class, S3TestConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeanNamesForType(Container.class, true, false)).isEmpty();
                    assertThat(context.getBeansOfType(DynamicPropertyRegistrar.class)).containsOnlyKeys(
                            "crmTestPostgresProperties", "crmTestTopicPrefix", "crmTestKafkaProperties", "crmTestRedisProperties",
                            "crmTestKeycloakProperties", "crmTestS3Properties");
                });
    }
}

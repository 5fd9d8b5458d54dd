package org.opencrm.platform.test;

import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.Container;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Testcontainers wiring as Spring Boot sees it, without a Docker engine: Surefire runs this class alone with
 * {@code -Dcrm.test.backend=containers}, and lazy initialization keeps the containers from being created.
 */
class ContainersWiringTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class))
            .withUserConfiguration(PostgresTestConfiguration.class, KafkaTestConfiguration.class,
                    RedisTestConfiguration.class, S3TestConfiguration.class);

    @Test
    void declaresServiceConnectionContainersForPostgresKafkaAndRedis() {
        assertThat(TestInfrastructure.usesContainers()).isTrue();
        contextRunner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(Container.class, true, false)).containsExactlyInAnyOrder(
                    "crmTestPostgresContainer", "crmTestKafkaContainer", "crmTestRedisContainer");
            assertThat(context.getBeanNamesForType(JdbcConnectionDetails.class, true, false)).hasSize(1);
            assertThat(context.getBeanNamesForType(KafkaConnectionDetails.class, true, false)).hasSize(1);
            assertThat(context.getBeanNamesForType(DataRedisConnectionDetails.class, true, false)).hasSize(1);
            assertThat(context.getBeanNamesForType(DynamicPropertyRegistrar.class, true, false))
                    .containsExactlyInAnyOrder("crmTestTopicPrefix", "crmTestS3Properties");
        });
    }
}

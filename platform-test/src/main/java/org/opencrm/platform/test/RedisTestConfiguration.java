package org.opencrm.platform.test;

import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the application's Redis connection at {@link TestInfrastructure#redis()}. */
@TestConfiguration(proxyBeanMethods = false)
public class RedisTestConfiguration {

    @Bean
    @ServiceConnection(name = "redis")
    @Conditional(BackendCondition.Containers.class)
    GenericContainer<?> crmTestRedisContainer() {
        return Containers.redis();
    }

    @Bean
    @Conditional(BackendCondition.LocalProcesses.class)
    DynamicPropertyRegistrar crmTestRedisProperties() {
        return registry -> {
            registry.add("spring.data.redis.host", () -> TestInfrastructure.redis().host());
            registry.add("spring.data.redis.port", () -> TestInfrastructure.redis().port());
        };
    }
}

package org.opencrm.platform.test;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the application's DataSource (and so Flyway and JPA) at {@link TestInfrastructure#postgres()}. */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(BackendCondition.Containers.class)
    PostgreSQLContainer crmTestPostgresContainer() {
        return Containers.postgres();
    }

    @Bean
    @Conditional(BackendCondition.LocalProcesses.class)
    DynamicPropertyRegistrar crmTestPostgresProperties() {
        return registry -> {
            registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl());
            registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
            registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        };
    }
}

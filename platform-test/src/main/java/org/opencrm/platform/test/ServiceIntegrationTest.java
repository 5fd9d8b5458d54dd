package org.opencrm.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test of a Spring service: the whole application on a random port, with the configuration that the
 * config server would serve it ({@code config-repo/application.yml}, {@code config-repo/<application name>.yml} and
 * {@code config-repo/services.yml}), against the real PostgreSQL and Kafka of {@link TestInfrastructure} (and its S3
 * server, for a service that reads {@code crm.s3.*}: the properties are resolved only when read). Without config server
 * and Eureka. With MockMvc for every test, whether it calls it or not: Spring caches a context per configuration, and
 * MockMvc in some tests and not in others made two contexts of a service where one did.
 * {@link ConfigRepoImportEnvironmentPostProcessor} makes the placeholders of that import resolvable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.enabled=false",
        "eureka.client.enabled=false",
        "spring.config.import=optional:file:${crm.project.root}/config-repo/application.yml,"
                + "optional:file:${crm.project.root}/config-repo/${spring.application.name}.yml,"
                + "optional:file:${crm.project.root}/config-repo/services.yml",
        // Kafka clients are chatty
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN" })
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, KafkaTestConfiguration.class, S3TestConfiguration.class })
public @interface ServiceIntegrationTest {
}

package org.opencrm.reporting.support;

import java.util.HashMap;
import java.util.Map;

import org.opencrm.platform.test.TestNamespace;
import org.opencrm.reporting.ReportingServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of reporting-service in the same JVM, on the test's PostgreSQL, Kafka and Keycloak: the one of the
 * test context is instance A, this one B. B consumes nothing (its listener is not started), so every event is applied
 * by A, as when another instance owns the event's partition.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Started like {@code first}, with {@code overrides} on top. */
    public static SecondInstance startedLike(ApplicationContext first, Map<String, String> overrides) {
        Environment env = first.getEnvironment();
        JdbcConnectionDetails database = first.getBean(JdbcConnectionDetails.class);
        KafkaConnectionDetails kafka = first.getBean(KafkaConnectionDetails.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.cloud.config.enabled", "false");
        properties.put("eureka.client.enabled", "false");
        properties.put("crm.project.root", env.getRequiredProperty("crm.project.root"));
        properties.put("spring.config.import", "optional:file:${crm.project.root}/config-repo/application.yml,"
                + "optional:file:${crm.project.root}/config-repo/${spring.application.name}.yml,"
                + "optional:file:${crm.project.root}/config-repo/services.yml");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.getJdbcUrl());
        properties.put("spring.datasource.username", database.getUsername());
        properties.put("spring.datasource.password", database.getPassword());
        properties.put("spring.kafka.bootstrap-servers", String.join(",", kafka.getBootstrapServers()));
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("crm.events.topic-prefix", TestNamespace.topic(""));
        properties.put("crm.events.retry.max-interval", "2s");
        for (String key : new String[] { "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri" }) {
            properties.put(key, env.getRequiredProperty(key));
        }
        properties.putAll(overrides);
        // as arguments: above the config-repo files, as the test context's properties are
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
            .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingServiceApplication.class)
            .run(arguments);
        return new SecondInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}

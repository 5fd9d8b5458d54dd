package org.opencrm.platform.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What a service consumes comes from its entry in the service list ({@code crm.services.<name>.consumes}, the config
 * server's {@code services.yml}), the one place the gateway, the chart and {@code ./crm} read it too: it becomes
 * {@code crm.events.consume}, which the inbox's listener subscribes to. Set explicitly, {@code crm.events.consume}
 * wins (a test of one consumer).
 */
public class ServiceListEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String CONSUME = "crm.events.consume";
    static final String SOURCE = "crm-service-list";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || environment.containsProperty(CONSUME)) {
            return;
        }
        List<String> topics = Binder.get(environment)
            .bind("crm.services." + name + ".consumes", Bindable.listOf(String.class))
            .orElse(List.of());
        if (!topics.isEmpty()) {
            environment.getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of(CONSUME, String.join(",", topics))));
        }
    }

    /** After the config data (the config server's files, the test's imports) is in the environment. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}

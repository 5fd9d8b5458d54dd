package org.opencrm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceListEnvironmentPostProcessorTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("services.yml", properties));
        new ServiceListEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static Map<String, Object> list() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.application.name", "lead-service");
        properties.put("crm.services.lead-service.consumes[0]", "crm.customer");
        properties.put("crm.services.lead-service.consumes[1]", "crm.activity");
        properties.put("crm.services.activity-service.consumes[0]", "crm.lead");
        return properties;
    }

    @Test
    void aServiceConsumesWhatItsEntryInTheListNames() {
        assertThat(environment(list()).getProperty("crm.events.consume")).isEqualTo("crm.customer,crm.activity");
    }

    @Test
    void anExplicitSettingWins() {
        Map<String, Object> properties = list();
        properties.put("crm.events.consume", "crm.payment");
        assertThat(environment(properties).getProperty("crm.events.consume")).isEqualTo("crm.payment");
    }

    @Test
    void aServiceThatConsumesNothingGetsNoListener() {
        Map<String, Object> properties = list();
        properties.put("spring.application.name", "customer-service");
        properties.put("crm.services.customer-service.consumes", "");
        assertThat(environment(properties).containsProperty("crm.events.consume")).isFalse();

        properties.put("spring.application.name", "notification-service");
        assertThat(environment(properties).containsProperty("crm.events.consume")).isFalse();
    }
}

package org.opencrm.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;

/**
 * Lettuce traces no Redis command here: a request's trace already holds the gateway's span, and a span per session
 * lookup or rate-limit check costs every request. Lettuce's tracing also fails when a browser drops its connection
 * while a command waits to be written: the cancelled command ends a span that never started, and micrometer-tracing
 * reports that as an error of the server.
 */
@SpringBootApplication(exclude = LettuceObservationAutoConfiguration.class)
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

package org.opencrm.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Makes the application a resource server of {@link TestInfrastructure#keycloak()}: tokens from
 * {@link KeycloakEndpoint#passwordToken} and {@link KeycloakEndpoint#clientCredentialsToken} are then accepted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KeycloakTestConfiguration {

    @Bean
    DynamicPropertyRegistrar crmTestKeycloakProperties() {
        return registry -> {
            registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    () -> TestInfrastructure.keycloak().issuerUri());
            // wins over a jwk-set-uri of config-repo that names the local stack's Keycloak port
            registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    () -> TestInfrastructure.keycloak().jwkSetUri());
        };
    }
}

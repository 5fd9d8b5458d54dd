package org.opencrm.platform.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Describes each service's API as partners see it: behind the gateway (same paths, so the server is relative) and
 * secured by a Keycloak bearer token.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name) {
        return new OpenAPI()
            .info(new Info().title("CRM " + name + " API").version("v1")
                .description("Errors are RFC 9457 problem details. Authenticate with a Keycloak access token."))
            .servers(List.of(new Server().url("/").description("The CRM gateway")))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

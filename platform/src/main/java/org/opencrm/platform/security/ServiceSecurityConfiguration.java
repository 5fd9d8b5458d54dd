package org.opencrm.platform.security;

import java.time.Clock;
import java.util.List;

import org.opencrm.permissions.PermissionTable;
import org.opencrm.platform.web.ProblemResponses;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Zero trust behind the gateway: every service validates the relayed Keycloak token again (issuer and
 * audience come from {@code spring.security.oauth2.resourceserver.jwt.*}) and authorizes every API request from the
 * {@link PermissionTable}. Deny by default: an API request naming no operation of the table, and any other path not
 * listed here, is refused.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
public class ServiceSecurityConfiguration {

    /** Far more distinct live tokens than one service instance sees in a token's lifetime. */
    static final long MAX_CACHED_TOKENS = 100_000;

    /** Wraps Boot's issuer-based decoder (validators and lazy JWK set as configured) in {@link CachingJwtDecoder}. */
    @Bean
    static BeanPostProcessor cachingJwtDecoderPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, MAX_CACHED_TOKENS, Clock.systemUTC()) : bean;
            }
        };
    }

    /** The default firewall, its header checks without regular expressions ({@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer headerCheckingFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAME);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionTable permissionTable() {
        return PermissionTable.load();
    }

    @Bean
    PermissionTableCoverage permissionTableCoverage(PermissionTable table, List<RequestMappingHandlerMapping> mappings) {
        return new PermissionTableCoverage(table, mappings);
    }

    @Bean
    RecordAccess recordAccess(PermissionTable table) {
        return new RecordAccess(table);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakAuthoritiesConverter());
        return converter;
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, ProblemResponses problems,
            JwtAuthenticationConverter jwtAuthenticationConverter, PermissionTable table) throws Exception {
        return http
            // bearer tokens only, no cookies: nothing for a cross-site request to ride on
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html", "/error")
                .permitAll()
                .requestMatchers("/api/**")
                .access(new PermissionAuthorizationManager(table))
                // metrics for a scraper holding a token; the gateway does not route them
                .requestMatchers("/actuator/**")
                .authenticated()
                .anyRequest()
                .denyAll())
            .oauth2ResourceServer(oauth2 -> oauth2
                .bearerTokenResolver(new BearerHeaderTokenResolver())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .build();
    }
}

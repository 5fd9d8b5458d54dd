package org.opencrm.discovery.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without credentials a host on the network could register as {@code CUSTOMER-SERVICE} and receive the users' tokens
 * the gateway relays: registrations, registry reads and the dashboard all need HTTP basic. Health stays open for
 * probes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryCredentials.class)
class RegistrySecurityConfiguration {

    @Bean
    SecurityFilterChain registrySecurityFilterChain(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("registry"))
                .httpBasic(Customizer.withDefaults())
                // Eureka clients are machines that send credentials on every call: no session, no CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService registryUsers(RegistryCredentials credentials) {
        return new InMemoryUserDetailsManager(User.withUsername(credentials.username())
                .password("{noop}" + credentials.password())
                .roles("registry")
                .build());
    }
}

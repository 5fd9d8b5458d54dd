package org.opencrm.discovery.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
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

    /**
     * Not an {@code InMemoryUserDetailsManager}: being a {@code UserDetailsPasswordService}, it lets Spring Security
     * "upgrade" the {@code {noop}} password to bcrypt after the first sign-in, and from then on every machine call
     * (heartbeats, registry fetches) paid a bcrypt check: 15 % of a core with the local stack idle (JFR). The secret is
     * random and long, which is what a slow hash would protect.
     */
    @Bean
    UserDetailsService registryUsers(RegistryCredentials credentials) {
        UserDetails registry = User.withUsername(credentials.username())
                .password("{noop}" + credentials.password())
                .roles("registry")
                .build();
        return username -> {
            if (!registry.getUsername().equals(username)) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUserDetails(registry).build();
        };
    }
}

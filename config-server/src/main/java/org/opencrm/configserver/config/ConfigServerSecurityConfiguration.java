package org.opencrm.configserver.config;

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

/** Every configuration read needs HTTP basic; health stays open for probes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigServerCredentials.class)
class ConfigServerSecurityConfiguration {

    @Bean
    SecurityFilterChain configServerSecurityFilterChain(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("config-client"))
                .httpBasic(Customizer.withDefaults())
                // machine clients sending credentials on every call: no session, nothing for CSRF to ride on
                .csrf(csrf -> csrf.disable())
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
    UserDetailsService configClients(ConfigServerCredentials credentials) {
        UserDetails client = User.withUsername(credentials.username())
                .password("{noop}" + credentials.password())
                .roles("config-client")
                .build();
        return username -> {
            if (!client.getUsername().equals(username)) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUserDetails(client).build();
        };
    }
}

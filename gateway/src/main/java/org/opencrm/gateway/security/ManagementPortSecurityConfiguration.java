package org.opencrm.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The actuator lives on its own management port (127.0.0.1 locally; in Kubernetes a port no Service or ingress
 * exposes) and the public port has none of it but the probes. The gateway's filter chains serve that port too: this
 * one, first, lets its actuator answer scrapers and probes without a token, session or CSRF.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurityConfiguration {

    @Bean
    @Order(0) // before the bearer (1) and browser (2) chains
    SecurityWebFilterChain managementPortSecurityWebFilterChain(ServerHttpSecurity http, Environment environment) {
        return http.securityMatcher(new ManagementPortMatcher(environment))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator", "/actuator/**").permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    /** A request that arrived on the management port (known once that server has started: {@code local.management.port}). */
    private static final class ManagementPortMatcher implements ServerWebExchangeMatcher {

        private final Environment environment;

        private volatile int port;

        ManagementPortMatcher(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Mono<MatchResult> matches(ServerWebExchange exchange) {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            int managementPort = managementPort();
            return local != null && managementPort > 0 && local.getPort() == managementPort ? MatchResult.match()
                    : MatchResult.notMatch();
        }

        private int managementPort() {
            int known = port;
            if (known <= 0) {
                known = environment.getProperty("local.management.port", Integer.class, -1);
                port = known;
            }
            return known;
        }
    }
}

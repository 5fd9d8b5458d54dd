package org.opencrm.gateway.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.RouteDefinition;

class ServiceRoutesTest {

    @Test
    void routesEachServicesPathsAndItsApiDocsThroughItsCircuitBreaker() {
        Map<String, ServiceList.Service> services = new LinkedHashMap<>();
        services.put("customer-service", new ServiceList.Service(List.of("/api/v1/customers/**")));
        services.put("mail-service", new ServiceList.Service(List.of("/api/v1/mails/**", "/api/v1/mailboxes/**")));

        List<RouteDefinition> routes = new ServiceRoutes(new ServiceList(services)).getRouteDefinitions()
                .collectList().block();

        assertThat(routes).extracting(RouteDefinition::getId).containsExactly("customer-service", "mail-service",
                "customer-service-api-docs", "mail-service-api-docs");
        RouteDefinition mail = routes.get(1);
        assertThat(mail.getUri()).hasToString("lb://mail-service");
        assertThat(mail.getPredicates().get(0).getArgs().values())
                .containsExactly("/api/v1/mails/**", "/api/v1/mailboxes/**");
        assertThat(mail.getFilters()).extracting("name").containsExactly("ApiRateLimit", "CircuitBreaker");
        assertThat(mail.getFilters().get(1).getArgs())
                .containsEntry("name", "mail-service").containsEntry("fallbackUri", "forward:/fallback/mail-service");
        RouteDefinition docs = routes.get(3);
        assertThat(docs.getPredicates().get(0).getArgs().values()).containsExactly("/v3/api-docs/mail-service");
        assertThat(docs.getFilters()).extracting("name").containsExactly("SetPath", "CircuitBreaker");
    }

    @Test
    void aServiceWithoutPathsHasOnlyItsApiDocsRoute() {
        List<RouteDefinition> routes = new ServiceRoutes(new ServiceList(Map.of("worker-service",
                new ServiceList.Service(List.of())))).getRouteDefinitions().collectList().block();

        assertThat(routes).extracting(RouteDefinition::getId).containsExactly("worker-service-api-docs");
    }
}

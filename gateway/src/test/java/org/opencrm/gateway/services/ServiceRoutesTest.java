package org.opencrm.gateway.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

class ServiceRoutesTest {

    @Test
    void routesEachServicesPathsAndItsApiDocsThroughItsCircuitBreaker() {
        Map<String, ServiceList.Service> services = new LinkedHashMap<>();
        services.put("customer-service", new ServiceList.Service(List.of("/api/v1/customers/**")));
        services.put("mail-service", new ServiceList.Service(List.of("/api/v1/mails/**", "/api/v1/mailboxes/**")));

        List<RouteDefinition> routes = routes(services);

        assertThat(routes).extracting(RouteDefinition::getId).containsExactlyInAnyOrder("customer-service",
                "mail-service", "mail-service-2", "customer-service-api-docs", "mail-service-api-docs");
        RouteDefinition mailboxes = route(routes, "mail-service-2");
        assertThat(mailboxes.getUri()).hasToString("lb://mail-service");
        assertThat(mailboxes.getPredicates().get(0).getArgs().values()).containsExactly("/api/v1/mailboxes/**");
        assertThat(mailboxes.getFilters()).extracting("name").containsExactly("ApiRateLimit", "CircuitBreaker");
        assertThat(mailboxes.getFilters().get(1).getArgs())
                .containsEntry("name", "mail-service").containsEntry("fallbackUri", "forward:/fallback/mail-service");
        RouteDefinition docs = route(routes, "mail-service-api-docs");
        assertThat(docs.getPredicates().get(0).getArgs().values()).containsExactly("/v3/api-docs/mail-service");
        assertThat(docs.getFilters()).extracting("name").containsExactly("SetPath", "CircuitBreaker");
    }

    @Test
    void aPathInsideAnotherServicesPathsGoesToTheServiceListingIt() {
        Map<String, ServiceList.Service> services = new LinkedHashMap<>();
        services.put("customer-service", new ServiceList.Service(List.of("/api/v1/customers/**")));
        services.put("lead-service", new ServiceList.Service(List.of("/api/v1/leads/**")));
        services.put("activity-service", new ServiceList.Service(
                List.of("/api/v1/activities/**", "/api/v1/customers/*/timeline")));

        List<RouteDefinition> routes = routes(services);

        assertThat(firstMatch(routes, "/api/v1/customers/7f1c/timeline")).isEqualTo("activity-service-2");
        assertThat(firstMatch(routes, "/api/v1/customers/7f1c")).isEqualTo("customer-service");
        assertThat(firstMatch(routes, "/api/v1/customers/7f1c/notes/3")).isEqualTo("customer-service");
        assertThat(firstMatch(routes, "/api/v1/customers")).isEqualTo("customer-service");
        assertThat(firstMatch(routes, "/api/v1/activities")).isEqualTo("activity-service");
        assertThat(firstMatch(routes, "/api/v1/leads/9")).isEqualTo("lead-service");
        assertThat(route(routes, "activity-service-2").getUri()).hasToString("lb://activity-service");
    }

    @Test
    void theOrderDoesNotDependOnWhichServiceIsListedFirst() {
        Map<String, ServiceList.Service> services = new LinkedHashMap<>();
        services.put("activity-service", new ServiceList.Service(List.of("/api/v1/customers/*/timeline")));
        services.put("customer-service", new ServiceList.Service(List.of("/api/v1/customers/**")));

        List<RouteDefinition> routes = routes(services);

        assertThat(firstMatch(routes, "/api/v1/customers/7f1c/timeline")).isEqualTo("activity-service");
        assertThat(firstMatch(routes, "/api/v1/customers/7f1c/history")).isEqualTo("customer-service");
    }

    @Test
    void aServiceWithoutPathsHasOnlyItsApiDocsRoute() {
        List<RouteDefinition> routes = routes(Map.of("worker-service", new ServiceList.Service(List.of())));

        assertThat(routes).extracting(RouteDefinition::getId).containsExactly("worker-service-api-docs");
    }

    private static List<RouteDefinition> routes(Map<String, ServiceList.Service> services) {
        return new ServiceRoutes(new ServiceList(services)).getRouteDefinitions().collectList().block();
    }

    private static RouteDefinition route(List<RouteDefinition> routes, String id) {
        return routes.stream().filter(route -> route.getId().equals(id)).findFirst().orElseThrow();
    }

    /** The route the gateway picks: routes sorted by order, the first whose Path predicate matches. */
    private static String firstMatch(List<RouteDefinition> routes, String path) {
        return routes.stream()
                .sorted(Comparator.comparingInt(RouteDefinition::getOrder))
                .filter(route -> route.getPredicates().get(0).getArgs().values().stream()
                        .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern)
                                .matches(PathContainer.parsePath(path))))
                .map(RouteDefinition::getId)
                .findFirst().orElseThrow();
    }
}

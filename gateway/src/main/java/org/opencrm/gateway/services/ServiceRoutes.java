package org.opencrm.gateway.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;

/**
 * Two routes per listed service, each through its circuit breaker (named after the service; resilience4j's
 * {@code default} configs apply unless gateway.yml names the instance): {@code <name>} for its API paths, rate
 * limited per caller, and {@code <name>-api-docs} publishing its OpenAPI document at
 * {@code /v3/api-docs/<name>} for the aggregated Swagger UI. Paths are the same in the service and behind the
 * gateway: no prefix stripping, the Authorization header relayed unchanged. Routes of
 * {@code spring.cloud.gateway.server.webflux.routes} still apply beside these.
 */
public class ServiceRoutes implements RouteDefinitionLocator {

    private final List<RouteDefinition> routes;

    public ServiceRoutes(ServiceList services) {
        List<RouteDefinition> all = new ArrayList<>();
        services.services().forEach((name, service) -> {
            if (!service.paths().isEmpty()) {
                all.add(api(name, service.paths()));
            }
        });
        services.services().keySet().forEach(name -> all.add(apiDocs(name)));
        this.routes = List.copyOf(all);
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(routes);
    }

    static String apiDocsPath(String service) {
        return "/v3/api-docs/" + service;
    }

    private static RouteDefinition api(String name, List<String> paths) {
        return route(name, name, new PredicateDefinition("Path=" + String.join(",", paths)),
                new FilterDefinition("ApiRateLimit"), circuitBreaker(name));
    }

    private static RouteDefinition apiDocs(String name) {
        return route(name + "-api-docs", name, new PredicateDefinition("Path=" + apiDocsPath(name)),
                new FilterDefinition("SetPath=/v3/api-docs"), circuitBreaker(name));
    }

    private static RouteDefinition route(String id, String service, PredicateDefinition predicate,
            FilterDefinition... filters) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setUri(URI.create("lb://" + service));
        route.setPredicates(List.of(predicate));
        route.setFilters(List.of(filters));
        return route;
    }

    private static FilterDefinition circuitBreaker(String service) {
        FilterDefinition filter = new FilterDefinition();
        filter.setName("CircuitBreaker");
        filter.addArg("name", service);
        filter.addArg("fallbackUri", "forward:/fallback/" + service);
        return filter;
    }
}

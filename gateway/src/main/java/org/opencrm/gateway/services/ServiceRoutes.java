package org.opencrm.gateway.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;

/**
 * Routes per listed service, each through its circuit breaker (named after the service; resilience4j's
 * {@code default} configs apply unless gateway.yml names the instance): one per API path, rate limited per caller,
 * and {@code <name>-api-docs} publishing its OpenAPI document at {@code /v3/api-docs/<name>} for the aggregated
 * Swagger UI. A service's first path is route {@code <name>}, its n-th {@code <name>-<n>} (the ids that per-route
 * rate limits and body sizes name). The API routes are ordered most specific path first, whatever service lists it,
 * so one service may serve a path inside another's: {@code /api/v1/customers/*}{@code /timeline} reaches
 * activity-service although customer-service serves {@code /api/v1/customers/**}. Paths are the same in the service
 * and behind the gateway: no prefix stripping, the Authorization header relayed unchanged. Routes of
 * {@code spring.cloud.gateway.server.webflux.routes} still apply beside these.
 */
public class ServiceRoutes implements RouteDefinitionLocator {

    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    private final List<RouteDefinition> routes;

    public ServiceRoutes(ServiceList services) {
        List<ApiPath> paths = new ArrayList<>();
        services.services().forEach((name, service) -> {
            for (int i = 0; i < service.paths().size(); i++) {
                String path = service.paths().get(i);
                paths.add(new ApiPath(i == 0 ? name : name + "-" + (i + 1), name, path, PATTERNS.parse(path)));
            }
        });
        // stable: paths equally specific keep the order of the list
        paths.sort(Comparator.comparing(ApiPath::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        List<RouteDefinition> all = new ArrayList<>();
        for (ApiPath path : paths) {
            all.add(api(path, all.size()));
        }
        for (String name : services.services().keySet()) {
            all.add(apiDocs(name, all.size()));
        }
        this.routes = List.copyOf(all);
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(routes);
    }

    static String apiDocsPath(String service) {
        return "/v3/api-docs/" + service;
    }

    private record ApiPath(String routeId, String service, String path, PathPattern pattern) {
    }

    private static RouteDefinition api(ApiPath path, int order) {
        return route(path.routeId(), path.service(), order, new PredicateDefinition("Path=" + path.path()),
                new FilterDefinition("ApiRateLimit"), circuitBreaker(path.service()));
    }

    private static RouteDefinition apiDocs(String name, int order) {
        return route(name + "-api-docs", name, order, new PredicateDefinition("Path=" + apiDocsPath(name)),
                new FilterDefinition("SetPath=/v3/api-docs"), circuitBreaker(name));
    }

    private static RouteDefinition route(String id, String service, int order, PredicateDefinition predicate,
            FilterDefinition... filters) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setUri(URI.create("lb://" + service));
        route.setOrder(order);
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

package org.opencrm.gateway.limits;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway forwards: {@code max} for every route (JSON APIs), a route id under
 * {@code routes} overrides it (e.g. {@code document-service: 20MB} for uploads).
 */
@ConfigurationProperties("crm.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize max, @DefaultValue Map<String, DataSize> routes) {

    public long maxBytes(String routeId) {
        return routes.getOrDefault(routeId, max).toBytes();
    }
}

package org.opencrm.gateway.services;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CRM's services as {@code config-repo/services.yml} declares them (the config server serves it beside
 * gateway.yml): the gateway routes each one's paths, guards it with a circuit breaker of its name and lists its
 * OpenAPI document. The list drives {@code ./crm} and the system test too, so a new service is one entry.
 */
@ConfigurationProperties("crm")
public record ServiceList(@DefaultValue Map<String, Service> services) {

    /** The gateway reads only {@code paths}; port and database are for {@code ./crm} and the service itself. */
    public record Service(@DefaultValue List<String> paths) {
    }
}

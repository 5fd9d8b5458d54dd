package org.opencrm.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the gateway from another origin (the Vite dev server, a partner portal). */
@ConfigurationProperties("crm.gateway.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue({ "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
        @DefaultValue({ "Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match", "If-None-Match",
                "traceparent", "tracestate" }) List<String> allowedHeaders,
        @DefaultValue({ "X-Trace-Id", "Retry-After", "Location", "ETag", "X-RateLimit-Remaining" }) List<String> exposedHeaders,
        @DefaultValue("1h") Duration maxAge) {
}

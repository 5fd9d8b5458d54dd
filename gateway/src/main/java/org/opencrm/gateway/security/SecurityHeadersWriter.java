package org.opencrm.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sets the configured security headers on every response, replacing what a downstream service sent: the edge decides.
 * Unlike Spring Security's HSTS writer it does not skip plain HTTP, since TLS ends in front of the gateway.
 */
class SecurityHeadersWriter implements ServerHttpHeadersWriter {

    private final String[] names;

    private final String[] values;

    SecurityHeadersWriter(SecurityHeadersProperties properties) {
        List<String[]> headers = new ArrayList<>();
        add(headers, "Strict-Transport-Security", properties.strictTransportSecurity());
        add(headers, "Content-Security-Policy", properties.contentSecurityPolicy());
        add(headers, "Referrer-Policy", properties.referrerPolicy());
        add(headers, "X-Frame-Options", properties.frameOptions());
        add(headers, "X-Content-Type-Options", properties.contentTypeOptions());
        add(headers, "Permissions-Policy", properties.permissionsPolicy());
        this.names = headers.stream().map(h -> h[0]).toArray(String[]::new);
        this.values = headers.stream().map(h -> h[1]).toArray(String[]::new);
    }

    private static void add(List<String[]> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.add(new String[] { name, value });
        }
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        for (int i = 0; i < names.length; i++) {
            headers.set(names[i], values[i]);
        }
        return Mono.empty();
    }
}

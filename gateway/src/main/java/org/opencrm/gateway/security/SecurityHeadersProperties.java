package org.opencrm.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Security headers the gateway sets on every response; a blank value leaves that header out. */
@ConfigurationProperties("crm.gateway.security-headers")
public record SecurityHeadersProperties(
        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'") String contentSecurityPolicy,
        @DefaultValue("same-origin") String referrerPolicy,
        @DefaultValue("DENY") String frameOptions,
        @DefaultValue("nosniff") String contentTypeOptions,
        @DefaultValue("camera=(), microphone=(), geolocation=(), payment=()") String permissionsPolicy) {
}

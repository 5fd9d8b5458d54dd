package org.opencrm.gateway.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coarse access rules for {@code /api/**}: the first rule whose path and method match decides, and grants when the
 * caller holds any of its realm roles or scopes. A request no rule matches is denied. The services check again, finely.
 *
 * @param audience the audience every access token must carry
 * @param rules    ordered rules, most specific first
 */
@ConfigurationProperties("crm.gateway.access")
public record AccessProperties(@DefaultValue("crm-api") String audience, @DefaultValue List<Rule> rules) {

    /**
     * @param path    a path pattern such as {@code /api/v1/customers/**}
     * @param methods HTTP methods the rule applies to; empty means all
     * @param roles   realm roles (without the {@code ROLE_} prefix)
     * @param scopes  OAuth scopes (without the {@code SCOPE_} prefix)
     */
    public record Rule(String path, @DefaultValue Set<String> methods, @DefaultValue Set<String> roles,
            @DefaultValue Set<String> scopes) {
    }
}

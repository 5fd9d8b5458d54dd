package org.opencrm.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to {@code /api/**}: who may call what is the permission table's ({@code config-repo/permissions.yml}, see
 * {@link PermissionTableAuthorizationManager}); this only names the token audience.
 *
 * @param audience the audience every access token must carry
 */
@ConfigurationProperties("crm.gateway.access")
public record AccessProperties(@DefaultValue("crm-api") String audience) {
}

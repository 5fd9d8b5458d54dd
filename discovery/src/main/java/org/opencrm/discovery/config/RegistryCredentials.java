package org.opencrm.discovery.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account that may register instances and read the registry (Eureka clients put it in their service URL:
 * {@code http://user:password@host:port/eureka/}). It comes from {@code CRM_DISCOVERY_USER} and
 * {@code CRM_DISCOVERY_PASSWORD}; only the {@code local} profile has dev defaults, so anywhere else a missing value
 * stops the start instead of leaving the registry open or guarded by a known password.
 */
@ConfigurationProperties("crm.discovery")
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("the registry needs credentials: set CRM_DISCOVERY_USER and "
                    + "CRM_DISCOVERY_PASSWORD (only the local profile has dev defaults)");
        }
    }
}

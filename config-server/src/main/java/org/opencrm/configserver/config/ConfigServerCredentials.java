package org.opencrm.configserver.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account the services fetch their configuration with ({@code spring.cloud.config.username/password} on their
 * side). It comes from {@code CRM_CONFIG_USER} and {@code CRM_CONFIG_PASSWORD}; only the {@code local} profile has dev
 * defaults, so anywhere else a missing value stops the start instead of serving the configuration to anyone.
 */
@ConfigurationProperties("crm.config-server")
public record ConfigServerCredentials(String username, String password) {

    public ConfigServerCredentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("the config server needs credentials: set CRM_CONFIG_USER and "
                    + "CRM_CONFIG_PASSWORD (only the local profile has dev defaults)");
        }
    }
}

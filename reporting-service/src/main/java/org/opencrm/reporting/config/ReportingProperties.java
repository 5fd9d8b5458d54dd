package org.opencrm.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultCurrency the revenue report's currency when no money moved in the period
 * @param maxQueryRows the most groups a widget query answers (an export streams them all)
 * @param exportFetchSize rows fetched per round trip while an export streams from its cursor
 */
@ConfigurationProperties("crm.reports")
public record ReportingProperties(
        @DefaultValue("EUR") String defaultCurrency,
        @DefaultValue("1000") int maxQueryRows,
        @DefaultValue("1000") int exportFetchSize) {
}

package org.opencrm.customer.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long deleted customers can be restored, and how the purge that then removes them runs.
 *
 * @param after how long after its deletion a customer is purged (and can be restored until then)
 * @param interval how often the purge looks for customers due
 * @param batchSize how many customers one purge transaction removes
 */
@ConfigurationProperties("crm.customers.purge")
public record PurgeProperties(@DefaultValue("30d") Duration after, @DefaultValue("1h") Duration interval,
        @DefaultValue("500") int batchSize) {
}

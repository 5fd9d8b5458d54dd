package org.opencrm.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for rows the after-commit wake-up missed (crash, Kafka down)
 * @param batchSize rows published per relay transaction
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch
 * @param retention how long published rows are kept for diagnosis before they are deleted
 */
@ConfigurationProperties("crm.outbox")
public record OutboxProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}

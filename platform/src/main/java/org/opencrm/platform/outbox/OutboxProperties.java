package org.opencrm.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for rows the after-commit wake-up missed (crash, Kafka down)
 * @param batchSize rows claimed per relay pass
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a send; keep the producer's
 *        {@code delivery.timeout.ms} and {@code max.block.ms} below it so Kafka gives up first
 * @param claimLease how long claimed rows stay reserved for this instance; another instance takes them over after
 *        that (a crashed relay), so it must exceed a pass's sends
 * @param maxAttempts failed publications of one row before it is parked (set aside, alerting, still blocking its
 *        aggregate's later rows until an operator releases it)
 * @param retryBackoff the first wait before a failed row is tried again; doubles per attempt up to
 *        {@code maxRetryBackoff}
 * @param retention how long published rows are kept for diagnosis before they are deleted
 */
@ConfigurationProperties("crm.outbox")
public record OutboxProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("5m") Duration maxRetryBackoff,
        @DefaultValue("7d") Duration retention) {

    /** The lease as PostgreSQL's {@code make_interval(secs => …)} takes it. */
    double claimLeaseSeconds() {
        return claimLease().toMillis() / 1000.0;
    }
}

package org.opencrm.platform.inbox;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How far behind its events a consumer applies them, on {@code /actuator/prometheus}:
 * {@code crm_events_applied_delay_seconds} from a record's timestamp (when its producer sent it) until the
 * transaction that applied it committed, and per poll {@code crm_events_batch_size} and {@code crm_events_batch_seconds}
 * (its one transaction, commit included), tagged with the consumer; their percentiles are configuration
 * ({@code management.metrics.distribution.*} for {@code crm.events} in {@code config-repo/application.yml}). A replay
 * leaves them alone: its records are old by design.
 */
final class InboundEventMetrics {

    private final Timer appliedDelay;
    private final Timer batchDuration;
    private final DistributionSummary batchSize;

    InboundEventMetrics(MeterRegistry meters, String consumer) {
        this.appliedDelay = Timer.builder("crm.events.applied.delay")
            .description("from a record's timestamp until the transaction applying it committed")
            .tag("consumer", consumer).register(meters);
        this.batchDuration = Timer.builder("crm.events.batch")
            .description("one poll's records applied in one transaction, commit included")
            .tag("consumer", consumer).register(meters);
        this.batchSize = DistributionSummary.builder("crm.events.batch.size")
            .description("records per poll applied in one transaction")
            .tag("consumer", consumer).register(meters);
    }

    /** The records committed now, after a transaction that took {@code nanos}. */
    void committed(List<ConsumerRecord<String, String>> records, long nanos) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            if (record.timestamp() >= 0) {
                appliedDelay.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
            }
        }
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(records.size());
    }
}

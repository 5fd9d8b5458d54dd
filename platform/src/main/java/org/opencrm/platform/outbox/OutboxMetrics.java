package org.opencrm.platform.outbox;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.opencrm.platform.outbox.OutboxStore.OutboxStats;

/**
 * The outbox's health on {@code /actuator/prometheus}: {@code crm_outbox_oldest_unpublished_age_seconds} (alert when
 * it grows: Kafka down or an aggregate blocked), {@code crm_outbox_unpublished}, {@code crm_outbox_parked} (alert
 * when above 0: an operator must release the row). The gauges show what the
 * relay last measured, so a scrape never waits for the database.
 */
class OutboxMetrics {

    private final OutboxStore store;
    private final AtomicReference<OutboxStats> last = new AtomicReference<>(OutboxStats.NONE);

    OutboxMetrics(OutboxStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("crm.outbox.oldest.unpublished.age", last, stats -> stats.get().oldestUnpublishedAgeSeconds())
            .baseUnit("seconds")
            .description("Age of the oldest outbox event not yet published to Kafka")
            .register(meters);
        Gauge.builder("crm.outbox.unpublished", last, stats -> stats.get().unpublished())
            .description("Outbox events not yet published to Kafka")
            .register(meters);
        Gauge.builder("crm.outbox.parked", last, stats -> stats.get().parked())
            .description("Outbox events set aside after repeated failures; each blocks its aggregate's later events")
            .register(meters);
    }

    void refresh() {
        last.set(store.stats());
    }
}

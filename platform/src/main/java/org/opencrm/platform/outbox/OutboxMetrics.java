package org.opencrm.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.opencrm.platform.outbox.OutboxStore.OutboxStats;

/**
 * The outbox's health on {@code /actuator/prometheus}: {@code crm_outbox_oldest_unpublished_age_seconds} (alert when
 * it grows: Kafka down or an aggregate blocked), {@code crm_outbox_unpublished}, {@code crm_outbox_parked} (alert
 * when above 0: an operator must release the row). The gauges show what the
 * relay last measured, so a scrape never waits for the database. The relay measures at most once per
 * {@code interval}: not after every after-commit pass, where the query would sit between one write's event and the
 * next.
 */
class OutboxMetrics {

    private final OutboxStore store;
    private final AtomicReference<OutboxStats> last = new AtomicReference<>(OutboxStats.NONE);
    private final long intervalNanos;
    private long lastRefresh;
    private boolean refreshed;

    OutboxMetrics(OutboxStore store, MeterRegistry meters, Duration interval) {
        this.store = store;
        this.intervalNanos = interval.toNanos();
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

    /** Called by the relay thread only, after each pass. */
    void refreshIfDue() {
        long now = System.nanoTime();
        if (!refreshed || now - lastRefresh >= intervalNanos) {
            last.set(store.stats());
            lastRefresh = now;
            refreshed = true;
        }
    }
}

package org.opencrm.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes published outbox rows and idempotency keys once they are older than the retention; safe to run on every
 * instance at once.
 */
public class OutboxCleaner {

    private final JdbcClient jdbc;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxCleaner(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.outbox.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    public void deleteBeyondRetention() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        jdbc.sql("delete from outbox_event where published_at < :cutoff").param("cutoff", cutoff).update();
        jdbc.sql("delete from idempotency_key where created_at < :cutoff").param("cutoff", cutoff).update();
    }
}

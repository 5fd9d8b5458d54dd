package org.opencrm.platform.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets applied event ids older than the retention. Every instance runs it without a lock (no ShedLock): the
 * delete is idempotent, so two instances deleting at once only find fewer rows, and nothing else reads rows that
 * old.
 */
public class InboxCleaner {

    private final JdbcClient jdbc;
    private final InboxProperties properties;
    private final Clock clock;

    public InboxCleaner(JdbcClient jdbc, InboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.inbox.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    public int deleteBeyondRetention() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        return jdbc.sql("delete from inbox_event where received_at < :cutoff").param("cutoff", cutoff).update();
    }
}

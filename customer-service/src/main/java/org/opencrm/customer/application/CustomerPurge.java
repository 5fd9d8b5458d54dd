package org.opencrm.customer.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opencrm.customer.events.out.CustomerPurged;
import org.opencrm.platform.history.FieldHistory;
import org.opencrm.platform.outbox.OutboxWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes customers deleted longer ago than the retention, for good (their field history too), publishing {@code customer.purged} for each in
 * the same transaction. Rows are taken with {@code SKIP LOCKED}, so a restore in progress is never purged under it.
 */
@Service
public class CustomerPurge {

    /** How long a deleted customer can be restored, and how many one transaction purges. */
    public record Retention(Duration after, int batchSize) {
    }

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Retention retention;
    private final Clock clock;
    private final FieldHistory history;

    public CustomerPurge(JdbcClient jdbc, OutboxWriter outbox, Retention retention, Clock clock,
            FieldHistory history) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.retention = retention;
        this.clock = clock;
        this.history = history;
    }

    /** Purges one batch of due customers; returns how many (fewer than the batch size: none are left). */
    @Transactional
    public int purgeBatch() {
        List<UUID> purged = jdbc.sql("""
                delete from customer where id in (
                    select id from customer where deleted_at < :cutoff
                    order by deleted_at limit :batch for update skip locked)
                returning id
                """)
            .param("cutoff", Timestamp.from(clock.instant().minus(retention.after())))
            .param("batch", retention.batchSize())
            .query(UUID.class).list();
        for (UUID id : purged) {
            history.forget(CustomerService.AGGREGATE, id);
            outbox.append(CustomerService.AGGREGATE, id, CustomerPurged.TYPE, new CustomerPurged(id));
        }
        return purged.size();
    }

    public int batchSize() {
        return retention.batchSize();
    }

    /** When a customer deleted at {@code deletedAt} is purged. */
    public Instant purgeAt(Instant deletedAt) {
        return deletedAt.plus(retention.after());
    }
}

package org.opencrm.platform.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's short transactions on {@code outbox_event}. None of them spans a Kafka call: rows are claimed with a
 * lease, published outside any transaction, then marked. Rows are mapped by position: a class-based row mapper
 * throws and catches exceptions while it probes column names and conversions, on every pass.
 * <p>
 * The claim and the mark commit without waiting for their WAL flush ({@code synchronous_commit} off for those
 * transactions alone): a request's commit would otherwise queue behind two flushes of the relay for every event it
 * wrote. What a crash of PostgreSQL can lose is the last few hundred milliseconds of that bookkeeping, and both
 * losses are harmless: a lost lease is a row claimed again, a lost mark a row published again, which the consumers'
 * inboxes take once.
 */
class OutboxStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final long lockKey;

    OutboxStore(JdbcClient jdbc, TransactionTemplate transaction, OutboxProperties properties, String producer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.lockKey = ("outbox-relay:" + producer).hashCode();
    }

    /**
     * Leases the oldest rows that may go now: neither parked, waiting for a retry nor leased, and with no earlier
     * row of their aggregate in any of those states, so an aggregate's events leave in commit order while the
     * other aggregates flow. The advisory lock serialises claims between instances of the service (two claims
     * could otherwise lease different rows of one aggregate); it is held only for this statement's transaction.
     */
    List<OutboxRow> claim() {
        List<OutboxRow> rows = transaction.execute(status -> {
            commitWithoutWaitingForTheFlush();
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", lockKey).query(Object.class).single();
            return jdbc.sql("""
                    update outbox_event o set claimed_until = now() + make_interval(secs => :lease)
                    where o.id in (
                        select c.id from outbox_event c
                        where c.published_at is null and c.parked_at is null
                          and (c.next_attempt_at is null or c.next_attempt_at <= now())
                          and (c.claimed_until is null or c.claimed_until <= now())
                          and not exists (
                              select 1 from outbox_event e
                              where e.published_at is null and e.aggregate_type = c.aggregate_type
                                and e.aggregate_id = c.aggregate_id and e.position < c.position
                                and (e.parked_at is not null or e.next_attempt_at > now() or e.claimed_until > now()))
                        order by c.position limit :limit)
                    returning o.id, o.aggregate_type, o.aggregate_id, o.type, o.payload::text as payload,
                              o.headers::text as headers, o.position, o.claimed_until
                    """)
                .param("lease", properties.claimLeaseSeconds())
                .param("limit", properties.batchSize())
                .query((rs, rowNum) -> new OutboxRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        });
        return rows == null ? List.of() : rows.stream().sorted(Comparator.comparingLong(OutboxRow::position)).toList();
    }

    void markPublished(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                commitWithoutWaitingForTheFlush();
                jdbc.sql("""
                        update outbox_event set published_at = now(), attempts = attempts + 1, claimed_until = null,
                            next_attempt_at = null
                        where id in (:ids)
                        """).param("ids", ids).update();
            });
        }
    }

    private void commitWithoutWaitingForTheFlush() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /** Gives rows back unsent, e.g. those behind a failed row of their aggregate. */
    void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update outbox_event set claimed_until = null where id in (:ids)").param("ids", ids).update();
        }
    }

    /** Kafka was unreachable: not the row's fault, so it costs no attempt; the row is tried on the next pass. */
    void recordUnavailable(UUID id, String error) {
        jdbc.sql("update outbox_event set claimed_until = null, last_error = :error where id = :id")
            .param("error", error)
            .param("id", id)
            .update();
    }

    /** The row itself failed: it waits with exponential backoff; at the last attempt it is parked. */
    boolean recordFailure(UUID id, String error) {
        return Boolean.TRUE.equals(jdbc.sql("""
                update outbox_event set attempts = attempts + 1, last_error = :error, claimed_until = null,
                    next_attempt_at = now() + least(make_interval(secs => :backoff * power(2, least(attempts, 20))),
                                                    make_interval(secs => :maxBackoff)),
                    parked_at = case when attempts + 1 >= :maxAttempts then now() end
                where id = :id
                returning parked_at is not null
                """)
            .param("error", error)
            .param("backoff", properties.retryBackoff().toMillis() / 1000.0)
            .param("maxBackoff", properties.maxRetryBackoff().toMillis() / 1000.0)
            .param("maxAttempts", properties.maxAttempts())
            .param("id", id)
            .query(Boolean.class)
            .optional()
            .orElse(false));
    }

    OutboxStats stats() {
        return jdbc.sql("""
                select coalesce(extract(epoch from now() - min(occurred_at)), 0) as oldest_unpublished_age_seconds,
                       count(*) as unpublished, count(*) filter (where parked_at is not null) as parked
                from outbox_event where published_at is null
                """).query((rs, rowNum) -> new OutboxStats(rs.getDouble(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * @param claimedUntil when this instance's lease on the row ends: another instance may publish it after that
     */
    record OutboxRow(UUID id, String aggregateType, String aggregateId, String type, String payload, String headers,
            long position, Instant claimedUntil) {

        String aggregateKey() {
            return aggregateType + "/" + aggregateId;
        }
    }

    record OutboxStats(double oldestUnpublishedAgeSeconds, long unpublished, long parked) {

        static final OutboxStats NONE = new OutboxStats(0, 0, 0);
    }
}

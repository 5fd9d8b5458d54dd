package org.opencrm.platform.history;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.opencrm.platform.history.Snapshots.Change;
import org.opencrm.platform.persistence.DeferredInserts;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records who changed which field of a record, when, from what to what, and through which request, into the owning
 * service's {@code field_change} table, inside the caller's transaction: the history exists exactly when the change
 * does. Explicit: the use case hands over a snapshot of the audited fields before and after the change (a record, see
 * {@link #changed(String, UUID, Record, Record)}); nothing is intercepted behind its back.
 *
 * <p>A creation is one {@link #CREATED} entry, not one entry per initial value: the values a record was created with
 * follow from its history (each field's first change names its old value, an unchanged field still has it), so one
 * row per create keeps creates as cheap as possible. Deletion and restoration are one entry each.
 *
 * <p>The rows go to the database with the transaction's outbox event, in the same statement ({@link DeferredInserts}),
 * or just before commit: recording the history costs no round trip of its own.
 */
public class FieldHistory {

    public static final String CREATED = "created";
    public static final String DELETED = "deleted";
    public static final String RESTORED = "restored";

    /** Who-columns are bounded; a longer name (Keycloak allows 255 characters per name part) is cut. */
    private static final int MAX_ACTOR_LENGTH = 255;

    private static final int COLUMNS = 11;

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final TraceContextCarrier traceContext;
    private final Clock clock;
    private final Timer writes;

    public FieldHistory(JdbcClient jdbc, DeferredInserts deferred, TraceContextCarrier traceContext, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.traceContext = traceContext;
        this.clock = clock;
        this.writes = Timer.builder("crm.history.writes")
            .description("Time spent preparing field history rows; they reach the database with the change's event")
            .register(meters);
    }

    public void created(String aggregateType, UUID aggregateId) {
        write(aggregateType, aggregateId, List.of(new Change(CREATED, null, null)));
    }

    /**
     * Records every field whose value differs between the two snapshots (none when nothing changed).
     *
     * @param before the audited fields as they were, taken before the change
     * @param after the same record type, taken after the change
     */
    public <S extends Record> void changed(String aggregateType, UUID aggregateId, S before, S after) {
        write(aggregateType, aggregateId, Snapshots.diff(before, after));
    }

    /** One field's change, for a change made without loading the record (an update by SQL in a batch job). */
    public void changed(String aggregateType, UUID aggregateId, String field, Object oldValue, Object newValue) {
        String old = FieldValues.text(oldValue);
        String now = FieldValues.text(newValue);
        if (!Objects.equals(old, now)) {
            write(aggregateType, aggregateId, List.of(new Change(field, old, now)));
        }
    }

    public void deleted(String aggregateType, UUID aggregateId) {
        write(aggregateType, aggregateId, List.of(new Change(DELETED, null, null)));
    }

    public void restored(String aggregateType, UUID aggregateId) {
        write(aggregateType, aggregateId, List.of(new Change(RESTORED, null, null)));
    }

    /** Forgets a record's history, for a record purged for good (its old values are personal data too). */
    public int forget(String aggregateType, UUID aggregateId) {
        requireTransaction();
        deferred.flush();
        return jdbc.sql("delete from field_change where aggregate_type = ? and aggregate_id = ?")
            .params(aggregateType, aggregateId)
            .update();
    }

    private void write(String aggregateType, UUID aggregateId, List<Change> changes) {
        requireTransaction();
        if (changes.isEmpty()) {
            return;
        }
        writes.record(() -> insert(aggregateType, aggregateId, changes));
    }

    /** All rows in one statement, whatever the number of fields changed. */
    private void insert(String aggregateType, UUID aggregateId, List<Change> changes) {
        HistoryActor actor = HistoryActor.current();
        OffsetDateTime changedAt = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC);
        String traceId = traceContext.currentTraceId().orElse(null);
        StringBuilder sql = new StringBuilder("""
                insert into field_change (aggregate_type, aggregate_id, changed_at, actor_id, actor_name, actor_kind,
                                          trace_id, field, old_value, new_value, id) values""");
        List<Object> params = new ArrayList<>(changes.size() * COLUMNS);
        UUID base = UUID.randomUUID();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            sql.append(i == 0 ? " " : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(aggregateType);
            params.add(aggregateId);
            params.add(changedAt);
            params.add(bounded(actor.id()));
            params.add(bounded(actor.name()));
            params.add(actor.kind());
            params.add(text(traceId));
            params.add(change.field());
            params.add(text(change.oldValue()));
            params.add(text(change.newValue()));
            params.add(idOf(base, i, changes.size()));
        }
        deferred.add(sql.toString(), params);
    }

    /**
     * The entries of one change share their time; read newest first ({@code changed_at desc, id desc}) they come in
     * the snapshot's component order because their ids descend in it (a random id whose last 16 bits count down).
     */
    static UUID idOf(UUID base, int index, int count) {
        return new UUID(base.getMostSignificantBits(),
                (base.getLeastSignificantBits() & ~0xFFFFL) | (count - index));
    }

    /** Typed, so that a null needs no round trip to ask the database for the parameter's type. */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static String bounded(String text) {
        return text.length() > MAX_ACTOR_LENGTH ? text.substring(0, MAX_ACTOR_LENGTH) : text;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Field history must be written inside the change's transaction");
        }
    }
}

package org.opencrm.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.events.EventContext;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.outbox.OutboxStore.OutboxRow;
import org.opencrm.platform.persistence.DeferredInserts;
import org.opencrm.platform.persistence.TransactionScoped;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists exactly when the state
 * change it describes does. Kafka is never called here; the relay publishes after commit.
 */
public class OutboxWriter {

    /** The actor of events that no user or client caused, such as scheduled jobs and demo data. */
    public static final String SYSTEM_ACTOR = "system";

    private final DeferredInserts deferred;
    private final JsonMapper jsonMapper;
    private final TraceContextCarrier traceContext;
    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private final String producer;
    private final Clock clock;

    public OutboxWriter(DeferredInserts deferred, JsonMapper jsonMapper, TraceContextCarrier traceContext,
            OutboxRelay relay, OutboxProperties properties, String producer, Clock clock) {
        this.deferred = deferred;
        this.jsonMapper = jsonMapper;
        this.traceContext = traceContext;
        this.relay = relay;
        this.properties = properties;
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * @param aggregateType lower-case aggregate name, e.g. {@code customer}; the topic is {@code crm.<aggregateType>}
     * @param type the event type on the wire, e.g. {@code customer.created}
     * @param payload a record; serialized as the envelope's payload
     */
    public EventEnvelope append(String aggregateType, Object aggregateId, String type, int version, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox events must be written inside the state change's transaction");
        }
        EventEnvelope envelope = envelope(aggregateType, aggregateId.toString(), type, version, payload);
        String json = jsonMapper.writeValueAsString(envelope);
        String headers = jsonMapper.writeValueAsString(traceContext.capture());
        // one hand-over per transaction, however many events it writes
        Committed committed = TransactionScoped.get(relay, Committed::new);
        boolean mayClaim = committed != null && committed.claimed.size() < properties.batchSize();
        // the transaction's deferred inserts (its field history) travel with the event: one round trip
        Optional<Instant> claimedUntil = deferred.updateReturning("""
                insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers,
                                          occurred_at, claimed_until)
                select ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?,
                       case when ? and not exists (
                           select 1 from outbox_event e
                           where e.published_at is null and e.aggregate_type = ? and e.aggregate_id = ?)
                       then now() + make_interval(secs => ?) end
                returning claimed_until
                """, List.of(envelope.id(), aggregateType, envelope.aggregateId(), type, version, json, headers,
                Timestamp.from(envelope.occurredAt()), mayClaim, aggregateType, envelope.aggregateId(),
                properties.claimLeaseSeconds()),
                (rs, rowNum) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant));
        if (committed != null) {
            committed.add(claimedUntil.map(until -> new OutboxRow(envelope.id(), aggregateType,
                    envelope.aggregateId(), type, json, headers, 0, until)));
        }
        return envelope;
    }

    public EventEnvelope append(String aggregateType, Object aggregateId, String type, Object payload) {
        return append(aggregateType, aggregateId, type, 1, payload);
    }

    /**
     * The transaction's events, handed to the relay once it commits. An event is claimed for this instance as it is
     * written when nothing of its aggregate waits before it (and the transaction has not claimed a batch already):
     * the relay sends those at once, without looking for them; the others take the relay's claim, in order.
     */
    private final class Committed implements TransactionSynchronization {

        private final List<OutboxRow> claimed = new ArrayList<>();
        private boolean unclaimed;

        void add(Optional<OutboxRow> row) {
            row.ifPresentOrElse(claimed::add, () -> unclaimed = true);
        }

        @Override
        public void afterCommit() {
            relay.offer(claimed, unclaimed);
        }
    }

    private EventEnvelope envelope(String aggregateType, String aggregateId, String type, int version, Object payload) {
        UUID id = UUID.randomUUID();
        EventEnvelope cause = EventContext.current().orElse(null);
        String correlationId = cause != null ? cause.correlationId()
                : traceContext.currentTraceId().orElse(id.toString());
        Optional<Jwt> user = CurrentActor.jwt();
        // an event handled without a signed-in user acts on behalf of whoever caused the handled event
        boolean onBehalfOfCause = cause != null && user.isEmpty();
        String actor = onBehalfOfCause ? cause.actor() : user.map(Jwt::getSubject).orElse(SYSTEM_ACTOR);
        String actorName = onBehalfOfCause ? cause.actorName()
                : user.flatMap(CurrentActor::nameOf).orElse(SYSTEM_ACTOR);
        return new EventEnvelope(id, type, version, Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                aggregateType, aggregateId, producer, correlationId, cause != null ? cause.id().toString() : null,
                actor, actorName, jsonMapper.valueToTree(payload));
    }
}

package org.opencrm.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.events.EventContext;
import org.opencrm.platform.events.EventEnvelope;
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
    private final String producer;
    private final Clock clock;

    public OutboxWriter(DeferredInserts deferred, JsonMapper jsonMapper, TraceContextCarrier traceContext,
            OutboxRelay relay, String producer, Clock clock) {
        this.deferred = deferred;
        this.jsonMapper = jsonMapper;
        this.traceContext = traceContext;
        this.relay = relay;
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
        // the transaction's deferred inserts (its field history) travel with the event: one round trip
        deferred.update("""
                insert into outbox_event (id, aggregate_type, aggregate_id, type, version, payload, headers, occurred_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                """, List.of(envelope.id(), aggregateType, envelope.aggregateId(), type, version,
                jsonMapper.writeValueAsString(envelope), jsonMapper.writeValueAsString(traceContext.capture()),
                Timestamp.from(envelope.occurredAt())));
        // one wake-up per transaction, however many events it writes
        TransactionScoped.get(relay, () -> new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }

    public EventEnvelope append(String aggregateType, Object aggregateId, String type, Object payload) {
        return append(aggregateType, aggregateId, type, 1, payload);
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

package org.opencrm.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.opencrm.platform.events.EventContext;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes a record from a CRM topic to the handler of its event type, inside one transaction that first
 * records the event id in the inbox: redelivery never applies an event twice. A poll's records are applied in one
 * transaction ({@link #dispatchAll}): one commit instead of one per event, each event still checked by the inbox.
 */
public class InboundEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final Map<String, InboundEventHandler<?>> handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final JsonMapper jsonMapper;
    private final String consumer;
    private final TraceContextCarrier traceContext;
    private final InboundEventMetrics metrics;

    /** Untraced and unmeasured: a replay, a test. */
    public InboundEventDispatcher(List<InboundEventHandler<?>> handlers, Inbox inbox, TransactionTemplate transaction,
            JsonMapper jsonMapper, String consumer) {
        this(handlers, inbox, transaction, jsonMapper, consumer, new TraceContextCarrier(Tracer.NOOP, Propagator.NOOP),
                null);
    }

    /** @param meters where {@link InboundEventMetrics} go; null: nowhere */
    public InboundEventDispatcher(List<InboundEventHandler<?>> handlers, Inbox inbox, TransactionTemplate transaction,
            JsonMapper jsonMapper, String consumer, TraceContextCarrier traceContext, MeterRegistry meters) {
        this.traceContext = traceContext;
        this.metrics = meters == null ? null : new InboundEventMetrics(meters, consumer);
        this.handlers = handlers.stream()
            .collect(Collectors.toUnmodifiableMap(InboundEventHandler::eventType, Function.identity()));
        this.inbox = inbox;
        this.transaction = transaction;
        this.jsonMapper = jsonMapper;
        this.consumer = consumer;
    }

    /** @return true when the event was applied now, false when it was ignored or had been applied before */
    public boolean dispatch(String value) {
        Applicable applicable = applicable(value);
        return applicable != null && Boolean.TRUE.equals(transaction.execute(status -> applyOnce(applicable)));
    }

    /**
     * Applies events in their order in one transaction, untraced: a replay's batch. When one fails, none is applied
     * and the failure is thrown; the caller may apply them one by one ({@link #dispatch}) to find and skip it.
     *
     * @return how many were applied now (the others were ignored or had been applied before)
     */
    public int dispatchTogether(List<String> values) {
        List<Applicable> applicables = values.stream().map(this::applicable).filter(Objects::nonNull).toList();
        Integer applied = transaction.execute(status -> applyFresh(applicables,
                index -> apply(applicables.get(index))));
        return applied == null ? 0 : applied;
    }

    /**
     * Applies a poll's records in their order, in one transaction. When one fails, that transaction is rolled back
     * and the records are applied again one transaction each, up to the failing one, which is reported as a
     * {@link BatchListenerFailedException}: the error handler commits the offsets before it and retries it or
     * dead-letters it exactly as it would a single record's failure, and the records after it are polled again.
     */
    public void dispatchAll(List<ConsumerRecord<String, String>> records) {
        long started = System.nanoTime();
        try {
            transaction.executeWithoutResult(status -> applyAllTraced(records));
            committed(records, started);
        }
        catch (RuntimeException batchFailed) {
            log.debug("{}: a batch of {} records failed ({}); applying them one by one", consumer, records.size(),
                    batchFailed.toString());
            for (int index = 0; index < records.size(); index++) {
                ConsumerRecord<String, String> record = records.get(index);
                try {
                    long one = System.nanoTime();
                    transaction.executeWithoutResult(status -> applyOnceTraced(record));
                    committed(List.of(record), one);
                }
                catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, index);
                }
            }
        }
    }

    private void committed(List<ConsumerRecord<String, String>> records, long startedNanos) {
        if (metrics != null) {
            metrics.committed(records, System.nanoTime() - startedNanos);
        }
    }

    /** Each applied in its trace, the inbox marked for all in one statement; in the caller's transaction. */
    private void applyAllTraced(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> handled = new ArrayList<>();
        List<Applicable> applicables = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Applicable applicable = applicable(record.value());
            if (applicable != null) {
                handled.add(record);
                applicables.add(applicable);
            }
        }
        applyFresh(applicables, index -> traceContext.continueTrace(headersOf(handled.get(index)),
                consumer + " apply", () -> {
                    apply(applicables.get(index));
                    return index;
                }));
    }

    /**
     * In the caller's transaction: marks every event in the inbox in one statement, then applies those it had not
     * seen, in their order, each once.
     *
     * @param applyAt applies the event at this index
     * @return how many were applied
     */
    private int applyFresh(List<Applicable> applicables, IntConsumer applyAt) {
        Set<UUID> fresh = inbox.markAllReceived(consumer, applicables.stream().map(a -> a.envelope().id()).toList(),
                applicables.stream().map(a -> a.envelope().type()).toList());
        int applied = 0;
        for (int index = 0; index < applicables.size(); index++) {
            UUID id = applicables.get(index).envelope().id();
            if (fresh.remove(id)) {
                applyAt.accept(index);
                applied++;
            }
            else {
                log.debug("{} already applied event {}", consumer, id);
            }
        }
        return applied;
    }

    private void applyOnceTraced(ConsumerRecord<String, String> record) {
        Applicable applicable = applicable(record.value());
        if (applicable != null) {
            traceContext.continueTrace(headersOf(record), consumer + " apply", () -> applyOnce(applicable));
        }
    }

    /** An event this consumer handles, with its handler. */
    private record Applicable(EventEnvelope envelope, InboundEventHandler<?> handler) {
    }

    /** @return null for an event type this consumer ignores */
    private Applicable applicable(String value) {
        EventEnvelope envelope = read(value);
        InboundEventHandler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            log.debug("{} ignores event type {}", consumer, envelope.type());
            return null;
        }
        if (!handler.supportsVersion(envelope.version())) {
            throw new UnprocessableEventException(
                    "%s cannot read version %d of %s".formatted(consumer, envelope.version(), envelope.type()));
        }
        return new Applicable(envelope, handler);
    }

    /** In the caller's transaction: true when the event was applied now, false when it had been applied before. */
    private boolean applyOnce(Applicable applicable) {
        EventEnvelope envelope = applicable.envelope();
        if (!inbox.markReceived(consumer, envelope.id(), envelope.type())) {
            log.debug("{} already applied event {}", consumer, envelope.id());
            return false;
        }
        apply(applicable);
        return true;
    }

    private void apply(Applicable applicable) {
        EventContext.runWithin(applicable.envelope(), () -> apply(applicable.handler(), applicable.envelope()));
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private EventEnvelope read(String value) {
        if (value == null) {
            throw new UnprocessableEventException("the record has no value");
        }
        EventEnvelope envelope;
        try {
            envelope = jsonMapper.readValue(value, EventEnvelope.class);
        }
        catch (JacksonException ex) {
            throw new UnprocessableEventException("unreadable event: " + ex.getOriginalMessage(), ex);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.payload() == null) {
            throw new UnprocessableEventException("not an event envelope: id, type and payload are required");
        }
        return envelope;
    }

    private <P> void apply(InboundEventHandler<P> handler, EventEnvelope envelope) {
        P payload;
        try {
            payload = jsonMapper.treeToValue(envelope.payload(), handler.payloadType());
        }
        catch (JacksonException ex) {
            throw new UnprocessableEventException("invalid payload of " + envelope.type() + ": " + ex.getMessage(), ex);
        }
        handler.handle(envelope, payload);
    }
}

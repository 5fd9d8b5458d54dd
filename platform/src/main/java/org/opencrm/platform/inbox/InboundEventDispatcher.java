package org.opencrm.platform.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opencrm.platform.events.EventContext;
import org.opencrm.platform.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes a record from a CRM topic to the handler of its event type, inside one transaction that first
 * records the event id in the inbox: redelivery never applies an event twice.
 */
public class InboundEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final Map<String, InboundEventHandler<?>> handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final JsonMapper jsonMapper;
    private final String consumer;

    public InboundEventDispatcher(List<InboundEventHandler<?>> handlers, Inbox inbox, TransactionTemplate transaction,
            JsonMapper jsonMapper, String consumer) {
        this.handlers = handlers.stream()
            .collect(Collectors.toUnmodifiableMap(InboundEventHandler::eventType, Function.identity()));
        this.inbox = inbox;
        this.transaction = transaction;
        this.jsonMapper = jsonMapper;
        this.consumer = consumer;
    }

    /** @return true when the event was applied now, false when it was ignored or had been applied before */
    public boolean dispatch(String value) {
        EventEnvelope envelope = read(value);
        InboundEventHandler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            log.debug("{} ignores event type {}", consumer, envelope.type());
            return false;
        }
        if (!handler.supportsVersion(envelope.version())) {
            throw new UnprocessableEventException(
                    "%s cannot read version %d of %s".formatted(consumer, envelope.version(), envelope.type()));
        }
        Boolean applied = transaction.execute(status -> {
            if (!inbox.markReceived(consumer, envelope.id(), envelope.type())) {
                log.debug("{} already applied event {}", consumer, envelope.id());
                return false;
            }
            EventContext.runWithin(envelope, () -> apply(handler, envelope));
            return true;
        });
        return Boolean.TRUE.equals(applied);
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

package org.opencrm.platform.inbox;

import org.opencrm.platform.events.EventEnvelope;

/**
 * Handles one event type from another service. Each consumer declares its own small payload record with the
 * fields it reads; unknown fields are ignored.
 *
 * @param <P> the consumer's view of the payload
 */
public interface InboundEventHandler<P> {

    String eventType();

    Class<P> payloadType();

    /** Called inside the inbox transaction, at most once per event id and consumer. */
    void handle(EventEnvelope envelope, P payload);
}

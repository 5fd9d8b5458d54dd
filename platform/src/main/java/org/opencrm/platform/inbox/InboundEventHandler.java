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

    /** Versions this handler understands; another version is dead-lettered (a breaking change it cannot read). */
    default boolean supportsVersion(int version) {
        return version == 1;
    }

    /**
     * Called inside the inbox transaction, at most once per event id and consumer. Throw
     * {@link UnprocessableEventException} for an event that can never be applied; anything else is retried.
     */
    void handle(EventEnvelope envelope, P payload);
}

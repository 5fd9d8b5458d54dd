package org.opencrm.platform.events;

import java.util.Optional;

/**
 * The inbound event being handled on this thread, so that events written while handling it carry its
 * correlation id, its id as causation and its actor.
 */
public final class EventContext {

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private EventContext() {
    }

    public static Optional<EventEnvelope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void runWithin(EventEnvelope envelope, Runnable action) {
        EventEnvelope previous = CURRENT.get();
        CURRENT.set(envelope);
        try {
            action.run();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }
}

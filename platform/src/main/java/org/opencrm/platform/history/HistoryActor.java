package org.opencrm.platform.history;

import java.util.Optional;

import org.opencrm.platform.events.EventContext;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.security.CurrentActor;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who made a change: the signed-in user (their id and how people know them), a partner's client (its client id), or
 * the system (scheduled jobs, demo data). An event handler acts on behalf of whoever caused the handled event.
 */
record HistoryActor(String id, String name, String kind) {

    static final String USER = "user";
    static final String CLIENT = "client";
    static final String SYSTEM = OutboxWriter.SYSTEM_ACTOR;

    static HistoryActor current() {
        Optional<Jwt> token = CurrentActor.jwt();
        if (token.isPresent()) {
            return of(token.get());
        }
        Optional<EventEnvelope> cause = EventContext.current();
        if (cause.isPresent() && cause.get().actor() != null && !SYSTEM.equals(cause.get().actor())) {
            EventEnvelope event = cause.get();
            return new HistoryActor(event.actor(), event.actorName() != null ? event.actorName() : event.actor(), USER);
        }
        return new HistoryActor(SYSTEM, SYSTEM, SYSTEM);
    }

    static HistoryActor of(Jwt jwt) {
        Optional<String> client = CurrentActor.partnerClientOf(jwt);
        if (client.isPresent()) {
            return new HistoryActor(client.get(), client.get(), CLIENT);
        }
        String subject = jwt.getSubject() != null ? jwt.getSubject() : "unknown";
        return new HistoryActor(subject, CurrentActor.nameOf(jwt).orElse(subject), USER);
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the note event handlers: each puts one event type on the customer's timeline with the note's excerpt. */
abstract class NoteEventHandler implements InboundEventHandler<NoteEvent> {

    private final ActivityService activities;

    NoteEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<NoteEvent> payloadType() {
        return NoteEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, NoteEvent note) {
        if (note.customerId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId");
        }
        activities.record(envelope, note.customerId(), Summaries.withDetail(summary(note), note.excerpt()));
    }

    /** What happened, before the excerpt. */
    abstract String summary(NoteEvent note);
}

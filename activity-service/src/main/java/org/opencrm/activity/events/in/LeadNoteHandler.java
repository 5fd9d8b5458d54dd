package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.domain.TimelineKind;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * Puts one lead.note-* event type on the lead's customer's timeline: a note, about the lead (seen by its assignee alone
 * among sales users), "Note on lead Renewal added: <excerpt>".
 */
class LeadNoteHandler implements InboundEventHandler<LeadNoteEvent> {

    private final ActivityService activities;
    private final String eventType;
    private final String done;

    /** @param done what happened to the note: "added", "updated", "deleted" */
    LeadNoteHandler(ActivityService activities, String eventType, String done) {
        this.activities = activities;
        this.eventType = eventType;
        this.done = done;
    }

    @Override
    public String eventType() {
        return eventType;
    }

    @Override
    public Class<LeadNoteEvent> payloadType() {
        return LeadNoteEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadNoteEvent note) {
        if (note.customerId() == null || note.leadId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or leadId");
        }
        activities.record(envelope, note.customerId(), TimelineKind.NOTE, note.leadId(),
                Summaries.withDetail("Note on lead " + note.leadTitle() + " " + done, note.excerpt()));
    }
}

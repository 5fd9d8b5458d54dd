package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.ActivityFacts;
import org.springframework.stereotype.Component;

/** A note added to a lead: one activity of its author, about the lead (counted where the lead may be seen). */
@Component
class LeadNoteAddedHandler implements InboundEventHandler<LeadNoteAddedHandler.LeadNoteAdded> {

    private final ActivityFacts activities;

    LeadNoteAddedHandler(ActivityFacts activities) {
        this.activities = activities;
    }

    @Override
    public String eventType() {
        return "lead.note-added";
    }

    @Override
    public Class<LeadNoteAdded> payloadType() {
        return LeadNoteAdded.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadNoteAdded note) {
        if (note.customerId() == null || note.leadId() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId, leadId or occurredAt");
        }
        activities.happened(envelope.id(), "note", note.customerId(), note.leadId(), envelope.actor(),
                note.occurredAt() != null ? note.occurredAt() : envelope.occurredAt());
    }

    /** This service's view of lead.note-added: whose lead and customer, and when. */
    record LeadNoteAdded(UUID leadId, UUID customerId, Instant occurredAt) {
    }
}

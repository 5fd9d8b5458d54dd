package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.opencrm.activity.domain.TimelineKind;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * Base of the lead event handlers: each puts one event type on the lead's customer's timeline, as an entry about the
 * lead (seen by its assignee alone among sales users), and keeps the lead as known here up to date.
 */
abstract class LeadEventHandler implements InboundEventHandler<LeadEvent> {

    private final ActivityService activities;
    private final KnownReferencesService references;

    LeadEventHandler(ActivityService activities, KnownReferencesService references) {
        this.activities = activities;
        this.references = references;
    }

    @Override
    public Class<LeadEvent> payloadType() {
        return LeadEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadEvent lead) {
        if (lead.customerId() == null || lead.leadId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or leadId");
        }
        know(envelope, lead, references);
        activities.record(envelope, lead.customerId(), TimelineKind.of(envelope.type()), lead.leadId(),
                summary(lead));
    }

    /** What this event type tells about the lead itself: by default, that it exists. */
    void know(EventEnvelope envelope, LeadEvent lead, KnownReferencesService references) {
        references.leadHeardOf(lead.leadId(), lead.customerId(), lead.title(), envelope.occurredAt());
    }

    abstract String summary(LeadEvent lead);
}

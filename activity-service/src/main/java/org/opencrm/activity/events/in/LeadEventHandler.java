package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the lead event handlers: each puts one event type on the lead's customer's timeline. */
abstract class LeadEventHandler implements InboundEventHandler<LeadEvent> {

    private final ActivityService activities;

    LeadEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<LeadEvent> payloadType() {
        return LeadEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadEvent lead) {
        if (lead.customerId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId");
        }
        activities.record(envelope, lead.customerId(), summary(lead));
    }

    abstract String summary(LeadEvent lead);
}

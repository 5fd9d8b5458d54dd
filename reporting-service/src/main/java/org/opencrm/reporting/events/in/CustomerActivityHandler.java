package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.ActivityFacts;

/**
 * Base of the handlers of work done on a customer or one of its leads (notes, communications, documents): one activity
 * each.
 */
abstract class CustomerActivityHandler implements InboundEventHandler<CustomerActivity> {

    private final ActivityFacts activities;

    CustomerActivityHandler(ActivityFacts activities) {
        this.activities = activities;
    }

    @Override
    public Class<CustomerActivity> payloadType() {
        return CustomerActivity.class;
    }

    abstract String kind();

    /** Whether the event type is about a lead: then one without leadId cannot be applied. */
    boolean aboutALead() {
        return false;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerActivity event) {
        if (event.customerId() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or occurredAt");
        }
        if (aboutALead() && event.leadId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without leadId");
        }
        // a communication's occurredAt is when it happened, which may be before it was logged
        activities.happened(envelope.id(), kind(), event.customerId(), event.leadId(), envelope.actor(),
                event.occurredAt() != null ? event.occurredAt() : envelope.occurredAt());
    }
}

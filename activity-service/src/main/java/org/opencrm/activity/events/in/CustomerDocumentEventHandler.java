package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the document event handlers: each puts one event type on the customer's timeline. */
abstract class CustomerDocumentEventHandler implements InboundEventHandler<CustomerDocumentEvent> {

    private final ActivityService activities;

    CustomerDocumentEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<CustomerDocumentEvent> payloadType() {
        return CustomerDocumentEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerDocumentEvent document) {
        if (document.customerId() == null || document.filename() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or filename");
        }
        activities.record(envelope, document.customerId(), summary(document));
    }

    abstract String summary(CustomerDocumentEvent document);
}

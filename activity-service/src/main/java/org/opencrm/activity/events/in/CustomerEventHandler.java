package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;

/** Base of the customer event handlers: each turns one event type into a timeline entry. */
abstract class CustomerEventHandler implements InboundEventHandler<CustomerEvent> {

    private final ActivityService activities;

    CustomerEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<CustomerEvent> payloadType() {
        return CustomerEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerEvent customer) {
        activities.record(envelope, customer.id(), summary(customer));
    }

    abstract String summary(CustomerEvent customer);
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the handlers of owner-changed and restored: each puts one event type on the customer's timeline. */
abstract class CustomerStateEventHandler implements InboundEventHandler<CustomerStateEvent> {

    private final ActivityService activities;

    CustomerStateEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<CustomerStateEvent> payloadType() {
        return CustomerStateEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerStateEvent customer) {
        if (customer.customerId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId");
        }
        activities.record(envelope, customer.customerId(), summary(customer));
    }

    abstract String summary(CustomerStateEvent customer);

    static String named(CustomerStateEvent customer) {
        return customer.name() == null ? "Customer" : "Customer " + customer.name();
    }
}

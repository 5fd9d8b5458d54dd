package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the customer event handlers: each turns one event type into a timeline entry and names the customer. */
abstract class CustomerEventHandler implements InboundEventHandler<CustomerEvent> {

    private final ActivityService activities;
    private final KnownReferencesService references;

    CustomerEventHandler(ActivityService activities, KnownReferencesService references) {
        this.activities = activities;
        this.references = references;
    }

    @Override
    public Class<CustomerEvent> payloadType() {
        return CustomerEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerEvent customer) {
        if (customer.id() == null) {
            throw new UnprocessableEventException(envelope.type() + " without id");
        }
        // named first: recording the entry then applies what the type says (customer.deleted: deleted)
        references.customerNamed(customer.id(), customer.name(), envelope.occurredAt());
        activities.record(envelope, customer.id(), summary(customer));
    }

    abstract String summary(CustomerEvent customer);
}

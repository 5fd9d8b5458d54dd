package org.opencrm.activity.events.in;

import org.opencrm.activity.application.CustomerErasure;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.stereotype.Component;

/** {@code customer.purged} erases the customer's timeline and follow-ups rather than adding an entry to them. */
@Component
class CustomerPurgedHandler implements InboundEventHandler<CustomerStateEvent> {

    private final CustomerErasure erasure;

    CustomerPurgedHandler(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public String eventType() {
        return "customer.purged";
    }

    @Override
    public Class<CustomerStateEvent> payloadType() {
        return CustomerStateEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerStateEvent customer) {
        if (customer.customerId() == null) {
            throw new UnprocessableEventException("customer.purged without customerId");
        }
        erasure.erase(customer.customerId());
    }
}

package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.CustomerFacts;

/** Base of the customer handlers: each keeps what its event type says about the customer. */
abstract class CustomerEventHandler implements InboundEventHandler<CustomerEvent> {

    private final CustomerFacts customers;

    CustomerEventHandler(CustomerFacts customers) {
        this.customers = customers;
    }

    @Override
    public Class<CustomerEvent> payloadType() {
        return CustomerEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerEvent event) {
        if (event.customer() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type() + " without the customer's id or occurredAt");
        }
        apply(customers, envelope, event.customer(), event);
    }

    abstract void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event);
}

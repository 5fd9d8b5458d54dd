package org.opencrm.lead.events.in;

import org.opencrm.lead.application.CustomerFactsService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** A customer created or changed: its name as of the event's time (an older event changes nothing). */
abstract class CustomerNamedHandler implements InboundEventHandler<CustomerFact> {

    private final CustomerFactsService customers;

    CustomerNamedHandler(CustomerFactsService customers) {
        this.customers = customers;
    }

    @Override
    public Class<CustomerFact> payloadType() {
        return CustomerFact.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerFact customer) {
        if (customer.id() == null || customer.name() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type() + " without id, name or occurredAt");
        }
        customers.named(customer.id(), customer.name(), envelope.occurredAt());
    }
}

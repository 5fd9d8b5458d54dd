package org.opencrm.lead.events.in;

import org.opencrm.lead.application.CustomerFactsService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.stereotype.Component;

/** A deleted customer takes no new leads, whatever event about it arrives later. */
@Component
class CustomerDeletedHandler implements InboundEventHandler<CustomerFact> {

    private final CustomerFactsService customers;

    CustomerDeletedHandler(CustomerFactsService customers) {
        this.customers = customers;
    }

    @Override
    public String eventType() {
        return "customer.deleted";
    }

    @Override
    public Class<CustomerFact> payloadType() {
        return CustomerFact.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerFact customer) {
        if (customer.id() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException("customer.deleted without id or occurredAt");
        }
        customers.deleted(customer.id(), customer.name(), envelope.occurredAt());
    }
}

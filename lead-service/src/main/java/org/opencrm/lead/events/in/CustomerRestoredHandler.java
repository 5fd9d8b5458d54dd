package org.opencrm.lead.events.in;

import org.opencrm.lead.application.CustomerFactsService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.stereotype.Component;

/** A restored customer takes leads again. */
@Component
class CustomerRestoredHandler implements InboundEventHandler<CustomerRestored> {

    private final CustomerFactsService customers;

    CustomerRestoredHandler(CustomerFactsService customers) {
        this.customers = customers;
    }

    @Override
    public String eventType() {
        return "customer.restored";
    }

    @Override
    public Class<CustomerRestored> payloadType() {
        return CustomerRestored.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerRestored customer) {
        if (customer.customerId() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException("customer.restored without customerId or occurredAt");
        }
        customers.restored(customer.customerId(), customer.name(), envelope.occurredAt());
    }
}

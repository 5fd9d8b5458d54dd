package org.opencrm.lead.events.in;

import org.opencrm.lead.application.CustomerFactsService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.stereotype.Component;

/** A purged customer is gone for good: its leads and the personal data held about it go too. */
@Component
class CustomerPurgedHandler implements InboundEventHandler<CustomerPurged> {

    private final CustomerFactsService customers;

    CustomerPurgedHandler(CustomerFactsService customers) {
        this.customers = customers;
    }

    @Override
    public String eventType() {
        return "customer.purged";
    }

    @Override
    public Class<CustomerPurged> payloadType() {
        return CustomerPurged.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerPurged customer) {
        if (customer.customerId() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException("customer.purged without customerId or occurredAt");
        }
        customers.purged(customer.customerId(), envelope.occurredAt());
    }
}

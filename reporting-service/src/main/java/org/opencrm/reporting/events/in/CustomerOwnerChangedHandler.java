package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerFacts;
import org.springframework.stereotype.Component;

@Component
class CustomerOwnerChangedHandler extends CustomerEventHandler {

    CustomerOwnerChangedHandler(CustomerFacts customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.owner-changed";
    }

    @Override
    void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event) {
        customers.owned(id, event.to(), envelope.occurredAt());
    }
}

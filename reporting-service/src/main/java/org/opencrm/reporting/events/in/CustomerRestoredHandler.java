package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerChange;
import org.opencrm.reporting.domain.CustomerFacts;
import org.springframework.stereotype.Component;

@Component
class CustomerRestoredHandler extends CustomerEventHandler {

    CustomerRestoredHandler(CustomerFacts customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.restored";
    }

    @Override
    void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event) {
        customers.apply(id, CustomerChange.at(envelope.occurredAt()).deleted(false));
    }
}

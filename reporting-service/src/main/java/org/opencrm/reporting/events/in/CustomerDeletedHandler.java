package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerChange;
import org.opencrm.reporting.domain.CustomerFacts;
import org.springframework.stereotype.Component;

@Component
class CustomerDeletedHandler extends CustomerEventHandler {

    CustomerDeletedHandler(CustomerFacts customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.deleted";
    }

    @Override
    void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event) {
        customers.apply(id, CustomerChange.at(envelope.occurredAt()).deleted(true));
    }
}

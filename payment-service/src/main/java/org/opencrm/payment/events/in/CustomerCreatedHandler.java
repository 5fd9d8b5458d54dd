package org.opencrm.payment.events.in;

import java.util.UUID;

import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class CustomerCreatedHandler extends CustomerFactHandler {

    CustomerCreatedHandler(KnownCustomers customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.created";
    }

    @Override
    void know(KnownCustomers customers, EventEnvelope envelope, UUID id, CustomerFact customer) {
        customers.named(id, customer.name(), envelope.occurredAt());
        customers.owned(id, customer.ownerId(), envelope.occurredAt());
    }
}

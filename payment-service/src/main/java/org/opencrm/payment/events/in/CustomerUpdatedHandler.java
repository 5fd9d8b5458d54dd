package org.opencrm.payment.events.in;

import java.util.UUID;

import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class CustomerUpdatedHandler extends CustomerFactHandler {

    CustomerUpdatedHandler(KnownCustomers customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.updated";
    }

    @Override
    void know(KnownCustomers customers, EventEnvelope envelope, UUID id, CustomerFact customer) {
        customers.named(id, customer.name(), envelope.occurredAt());
    }
}

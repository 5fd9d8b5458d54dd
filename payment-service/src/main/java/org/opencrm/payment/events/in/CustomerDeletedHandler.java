package org.opencrm.payment.events.in;

import java.util.UUID;

import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class CustomerDeletedHandler extends CustomerFactHandler {

    CustomerDeletedHandler(KnownCustomers customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.deleted";
    }

    @Override
    void know(KnownCustomers customers, EventEnvelope envelope, UUID id, CustomerFact customer) {
        customers.deleted(id, envelope.occurredAt());
    }
}

package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerFacts;
import org.opencrm.reporting.domain.UserNames;
import org.springframework.stereotype.Component;

@Component
class CustomerCreatedHandler extends CustomerEventHandler {

    private final UserNames names;

    CustomerCreatedHandler(CustomerFacts customers, UserNames names) {
        super(customers);
        this.names = names;
    }

    @Override
    public String eventType() {
        return "customer.created";
    }

    @Override
    void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event) {
        customers.created(id, event.createdAt() != null ? event.createdAt() : envelope.occurredAt());
        customers.owned(id, event.ownerId(), envelope.occurredAt());
        names.named(event.ownerId(), event.ownerName(), envelope.occurredAt());
        customers.existing(id, false, envelope.occurredAt());
        if (event.tags() != null) {
            customers.tagged(id, event.tags(), envelope.occurredAt());
        }
    }
}

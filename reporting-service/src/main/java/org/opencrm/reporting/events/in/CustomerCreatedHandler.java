package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerChange;
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
        CustomerChange change = CustomerChange.at(envelope.occurredAt())
            .created(event.createdAt() != null ? event.createdAt() : envelope.occurredAt())
            .owner(event.ownerId())
            .deleted(false);
        customers.apply(id, event.tags() != null ? change.tags(event.tags()) : change);
        names.named(event.ownerId(), event.ownerName(), envelope.occurredAt());
    }
}

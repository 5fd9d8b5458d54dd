package org.opencrm.reporting.events.in;

import java.util.UUID;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.CustomerChange;
import org.opencrm.reporting.domain.CustomerFacts;
import org.opencrm.reporting.domain.UserNames;
import org.springframework.stereotype.Component;

@Component
class CustomerOwnerChangedHandler extends CustomerEventHandler {

    private final UserNames names;

    CustomerOwnerChangedHandler(CustomerFacts customers, UserNames names) {
        super(customers);
        this.names = names;
    }

    @Override
    public String eventType() {
        return "customer.owner-changed";
    }

    @Override
    void apply(CustomerFacts customers, EventEnvelope envelope, UUID id, CustomerEvent event) {
        customers.apply(id, CustomerChange.at(envelope.occurredAt()).owner(event.to()));
        names.named(event.to(), event.toName(), envelope.occurredAt());
    }
}

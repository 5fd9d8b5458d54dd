package org.opencrm.lead.events.in;

import org.opencrm.lead.application.CustomerFactsService;
import org.springframework.stereotype.Component;

@Component
class CustomerUpdatedHandler extends CustomerNamedHandler {

    CustomerUpdatedHandler(CustomerFactsService customers) {
        super(customers);
    }

    @Override
    public String eventType() {
        return "customer.updated";
    }
}

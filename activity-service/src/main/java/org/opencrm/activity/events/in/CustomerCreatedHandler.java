package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class CustomerCreatedHandler extends CustomerEventHandler {

    CustomerCreatedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "customer.created";
    }

    @Override
    String summary(CustomerEvent customer) {
        return "Customer " + customer.name() + " created";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class CustomerUpdatedHandler extends CustomerEventHandler {

    CustomerUpdatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.updated";
    }

    @Override
    String summary(CustomerEvent customer) {
        return "Customer " + customer.name() + " updated";
    }
}

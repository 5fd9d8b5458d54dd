package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class CustomerPurgedHandler extends CustomerStateEventHandler {

    CustomerPurgedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.purged";
    }

    @Override
    String summary(CustomerStateEvent customer) {
        return named(customer) + " purged: deleted for good";
    }
}

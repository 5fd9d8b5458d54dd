package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class CustomerRestoredHandler extends CustomerStateEventHandler {

    CustomerRestoredHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.restored";
    }

    @Override
    String summary(CustomerStateEvent customer) {
        return named(customer) + " restored";
    }
}

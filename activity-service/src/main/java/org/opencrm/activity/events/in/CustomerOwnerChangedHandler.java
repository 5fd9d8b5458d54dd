package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class CustomerOwnerChangedHandler extends CustomerStateEventHandler {

    CustomerOwnerChangedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.owner-changed";
    }

    @Override
    String summary(CustomerStateEvent customer) {
        return "Owner changed to " + (customer.toName() == null ? "nobody" : customer.toName());
    }
}

package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.springframework.stereotype.Component;

@Component
class CommunicationLoggedHandler extends CustomerActivityHandler {

    CommunicationLoggedHandler(ActivityFacts activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.communication-logged";
    }

    @Override
    String kind() {
        return "communication";
    }
}

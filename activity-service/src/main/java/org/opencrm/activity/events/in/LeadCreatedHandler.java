package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadCreatedHandler extends LeadEventHandler {

    LeadCreatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.created";
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " created";
    }
}

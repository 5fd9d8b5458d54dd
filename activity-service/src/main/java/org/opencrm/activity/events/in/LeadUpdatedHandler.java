package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadUpdatedHandler extends LeadEventHandler {

    LeadUpdatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.updated";
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " updated";
    }
}

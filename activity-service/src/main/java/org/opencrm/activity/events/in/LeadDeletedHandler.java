package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadDeletedHandler extends LeadEventHandler {

    LeadDeletedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.deleted";
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " deleted";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadAssignedHandler extends LeadEventHandler {

    LeadAssignedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.assigned";
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " assigned to " + (lead.assigneeName() == null ? "nobody" : lead.assigneeName());
    }
}

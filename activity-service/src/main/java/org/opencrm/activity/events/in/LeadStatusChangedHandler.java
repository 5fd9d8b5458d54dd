package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadStatusChangedHandler extends LeadEventHandler {

    LeadStatusChangedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.status-changed";
    }

    @Override
    String summary(LeadEvent lead) {
        String moved = "Lead " + lead.title() + " moved from " + lead.from() + " to " + lead.to();
        return lead.reason() == null ? moved : moved + ": " + lead.reason();
    }
}

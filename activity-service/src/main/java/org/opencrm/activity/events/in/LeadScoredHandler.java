package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class LeadScoredHandler extends LeadEventHandler {

    LeadScoredHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.scored";
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " scored " + lead.score();
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class LeadStatusChangedHandler extends LeadEventHandler {

    LeadStatusChangedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
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

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class LeadUpdatedHandler extends LeadEventHandler {

    LeadUpdatedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
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

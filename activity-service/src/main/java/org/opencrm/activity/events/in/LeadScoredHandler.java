package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class LeadScoredHandler extends LeadEventHandler {

    LeadScoredHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
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

package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.springframework.stereotype.Component;

@Component
class FollowUpDueHandler extends FollowUpEventHandler {

    FollowUpDueHandler(FollowUpFacts followUps, ActivityFacts activities) {
        super(followUps, activities);
    }

    @Override
    public String eventType() {
        return "follow-up.due";
    }

    @Override
    String activityKind() {
        return null;
    }
}

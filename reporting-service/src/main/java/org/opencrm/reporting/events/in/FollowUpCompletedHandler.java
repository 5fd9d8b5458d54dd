package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.springframework.stereotype.Component;

@Component
class FollowUpCompletedHandler extends FollowUpEventHandler {

    FollowUpCompletedHandler(FollowUpFacts followUps, ActivityFacts activities) {
        super(followUps, activities);
    }

    @Override
    public String eventType() {
        return "follow-up.completed";
    }

    @Override
    String activityKind() {
        return "follow-up-completed";
    }
}

package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.springframework.stereotype.Component;

@Component
class FollowUpUpdatedHandler extends FollowUpEventHandler {

    FollowUpUpdatedHandler(FollowUpFacts followUps, ActivityFacts activities) {
        super(followUps, activities);
    }

    @Override
    public String eventType() {
        return "follow-up.updated";
    }

    @Override
    String activityKind() {
        return null;
    }
}

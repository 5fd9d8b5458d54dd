package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.springframework.stereotype.Component;

@Component
class FollowUpCancelledHandler extends FollowUpEventHandler {

    FollowUpCancelledHandler(FollowUpFacts followUps, ActivityFacts activities) {
        super(followUps, activities);
    }

    @Override
    public String eventType() {
        return "follow-up.cancelled";
    }

    @Override
    String activityKind() {
        return null;
    }
}

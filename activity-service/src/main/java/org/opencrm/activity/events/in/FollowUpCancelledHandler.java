package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class FollowUpCancelledHandler extends FollowUpEventHandler {

    FollowUpCancelledHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "follow-up.cancelled";
    }

    @Override
    String summary(FollowUpEvent followUp) {
        return "Follow-up " + followUp.title() + " cancelled";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class FollowUpCompletedHandler extends FollowUpEventHandler {

    FollowUpCompletedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "follow-up.completed";
    }

    @Override
    String summary(FollowUpEvent followUp) {
        return "Follow-up " + followUp.title() + " done";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class FollowUpDueHandler extends FollowUpEventHandler {

    FollowUpDueHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "follow-up.due";
    }

    @Override
    String summary(FollowUpEvent followUp) {
        return "Follow-up " + followUp.title() + " is due";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class FollowUpUpdatedHandler extends FollowUpEventHandler {

    FollowUpUpdatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "follow-up.updated";
    }

    @Override
    String summary(FollowUpEvent followUp) {
        return "Follow-up " + followUp.title() + " updated";
    }
}

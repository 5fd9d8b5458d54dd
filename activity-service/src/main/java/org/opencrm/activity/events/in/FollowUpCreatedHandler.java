package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class FollowUpCreatedHandler extends FollowUpEventHandler {

    FollowUpCreatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "follow-up.created";
    }

    @Override
    String summary(FollowUpEvent followUp) {
        return "Follow-up " + followUp.title() + " created"
                + (followUp.assigneeName() == null ? "" : " for " + followUp.assigneeName());
    }
}

package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

/** A follow-up with the customer was done: an activity. */
@Component
class FollowUpCompletedHandler extends CustomerSignalHandler {

    FollowUpCompletedHandler(LeadScoring scoring) {
        super(scoring, "activity");
    }

    @Override
    public String eventType() {
        return "follow-up.completed";
    }
}

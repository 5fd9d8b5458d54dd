package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

/**
 * A follow-up was planned with the customer: an activity. Cancelled and due follow-ups show no interest of the
 * customer's: they are not counted.
 */
@Component
class FollowUpCreatedHandler extends CustomerSignalHandler {

    FollowUpCreatedHandler(LeadScoring scoring) {
        super(scoring, "activity");
    }

    @Override
    public String eventType() {
        return "follow-up.created";
    }
}

package org.opencrm.activity.events.in;

import java.util.Locale;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class LeadStatusChangedHandler extends LeadEventHandler {

    LeadStatusChangedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "lead.status-changed";
    }

    /** "Lead Renewal moved from In progress to Won": the statuses as the pipeline board names them. */
    @Override
    String summary(LeadEvent lead) {
        String moved = "Lead " + lead.title() + " moved from " + statusName(lead.from()) + " to "
                + statusName(lead.to());
        return lead.reason() == null ? moved : moved + ": " + lead.reason();
    }

    private static String statusName(String status) {
        return switch (status == null ? "" : status) {
            case "NEW" -> "New";
            case "IN_PROGRESS" -> "In progress";
            case "CLOSED_WON" -> "Won";
            case "CLOSED_LOST" -> "Lost";
            // a status added later reads as its constant in words until it is named here
            default -> status == null ? "unknown" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}

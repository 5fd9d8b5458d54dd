package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadAssignedHandler extends LeadEventHandler {

    LeadAssignedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "lead.assigned";
    }

    @Override
    void know(EventEnvelope envelope, LeadEvent lead, KnownReferencesService references) {
        references.leadAssigned(lead.leadId(), lead.customerId(), lead.title(), lead.assignee(), lead.assigneeName(),
                envelope.occurredAt());
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " assigned to " + (lead.assigneeName() == null ? "nobody" : lead.assigneeName());
    }
}

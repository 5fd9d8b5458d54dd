package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadDeletedHandler extends LeadEventHandler {

    LeadDeletedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "lead.deleted";
    }

    @Override
    void know(EventEnvelope envelope, LeadEvent lead, KnownReferencesService references) {
        references.leadDeleted(lead.leadId(), lead.customerId(), envelope.occurredAt());
    }

    @Override
    String summary(LeadEvent lead) {
        return "Lead " + lead.title() + " deleted";
    }
}

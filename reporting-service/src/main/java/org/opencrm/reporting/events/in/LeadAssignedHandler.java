package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.LeadFacts;
import org.springframework.stereotype.Component;

@Component
class LeadAssignedHandler extends LeadEventHandler {

    LeadAssignedHandler(LeadFacts leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.assigned";
    }

    @Override
    void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event) {
        leads.assigned(event.leadId(), event.customerId(), event.assignee(), envelope.occurredAt());
    }
}

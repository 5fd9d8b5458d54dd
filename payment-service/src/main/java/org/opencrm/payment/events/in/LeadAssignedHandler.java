package org.opencrm.payment.events.in;

import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadAssignedHandler extends LeadFactHandler {

    LeadAssignedHandler(KnownLeads leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.assigned";
    }

    @Override
    void know(KnownLeads leads, EventEnvelope envelope, LeadFact lead) {
        leads.assigned(lead.leadId(), lead.customerId(), lead.title(), lead.assignee(), envelope.occurredAt());
    }
}

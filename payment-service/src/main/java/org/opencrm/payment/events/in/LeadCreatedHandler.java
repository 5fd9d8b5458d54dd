package org.opencrm.payment.events.in;

import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadCreatedHandler extends LeadFactHandler {

    LeadCreatedHandler(KnownLeads leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.created";
    }

    @Override
    void know(KnownLeads leads, EventEnvelope envelope, LeadFact lead) {
        leads.assigned(lead.leadId(), lead.customerId(), lead.title(), lead.assignedTo(), envelope.occurredAt());
    }
}

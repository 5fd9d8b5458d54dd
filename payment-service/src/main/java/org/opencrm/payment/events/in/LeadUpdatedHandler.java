package org.opencrm.payment.events.in;

import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadUpdatedHandler extends LeadFactHandler {

    LeadUpdatedHandler(KnownLeads leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.updated";
    }

    @Override
    void know(KnownLeads leads, EventEnvelope envelope, LeadFact lead) {
        leads.heardOf(lead.leadId(), lead.customerId(), lead.title(), envelope.occurredAt());
    }
}

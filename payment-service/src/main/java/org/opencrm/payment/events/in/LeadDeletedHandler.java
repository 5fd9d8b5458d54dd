package org.opencrm.payment.events.in;

import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.events.EventEnvelope;
import org.springframework.stereotype.Component;

@Component
class LeadDeletedHandler extends LeadFactHandler {

    LeadDeletedHandler(KnownLeads leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.deleted";
    }

    @Override
    void know(KnownLeads leads, EventEnvelope envelope, LeadFact lead) {
        leads.deleted(lead.leadId(), lead.customerId(), envelope.occurredAt());
    }
}

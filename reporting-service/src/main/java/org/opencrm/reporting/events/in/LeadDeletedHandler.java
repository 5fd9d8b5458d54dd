package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.LeadChange;
import org.opencrm.reporting.domain.LeadFacts;
import org.springframework.stereotype.Component;

@Component
class LeadDeletedHandler extends LeadEventHandler {

    LeadDeletedHandler(LeadFacts leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.deleted";
    }

    @Override
    void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event) {
        leads.apply(event.leadId(), LeadChange.of(event.customerId(), envelope.occurredAt()).deleted());
    }
}

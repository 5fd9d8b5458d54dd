package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.LeadChange;
import org.opencrm.reporting.domain.LeadFacts;
import org.springframework.stereotype.Component;

@Component
class LeadStatusChangedHandler extends LeadEventHandler {

    LeadStatusChangedHandler(LeadFacts leads) {
        super(leads);
    }

    @Override
    public String eventType() {
        return "lead.status-changed";
    }

    @Override
    void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event) {
        if (event.to() == null) {
            throw new UnprocessableEventException("lead.status-changed without its new status");
        }
        leads.apply(event.leadId(), LeadChange.of(event.customerId(), envelope.occurredAt()).status(event.to()));
    }
}

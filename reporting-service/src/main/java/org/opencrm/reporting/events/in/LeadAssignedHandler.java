package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.LeadChange;
import org.opencrm.reporting.domain.LeadFacts;
import org.opencrm.reporting.domain.UserNames;
import org.springframework.stereotype.Component;

@Component
class LeadAssignedHandler extends LeadEventHandler {

    private final UserNames names;

    LeadAssignedHandler(LeadFacts leads, UserNames names) {
        super(leads);
        this.names = names;
    }

    @Override
    public String eventType() {
        return "lead.assigned";
    }

    @Override
    void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event) {
        leads.apply(event.leadId(), LeadChange.of(event.customerId(), envelope.occurredAt()).assignee(event.assignee()));
        names.named(event.assignee(), event.assigneeName(), envelope.occurredAt());
    }
}

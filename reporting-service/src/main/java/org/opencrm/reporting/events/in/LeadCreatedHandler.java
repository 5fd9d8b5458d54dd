package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.LeadFacts;
import org.opencrm.reporting.domain.UserNames;
import org.springframework.stereotype.Component;

@Component
class LeadCreatedHandler extends LeadEventHandler {

    private final UserNames names;

    LeadCreatedHandler(LeadFacts leads, UserNames names) {
        super(leads);
        this.names = names;
    }

    @Override
    public String eventType() {
        return "lead.created";
    }

    @Override
    void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event) {
        leads.created(event.leadId(), event.customerId(), envelope.occurredAt());
        leads.described(event.leadId(), event.customerId(), event.source(), decimal(event.value(), envelope),
                event.currency(), envelope.occurredAt());
        leads.status(event.leadId(), event.customerId(), event.status() != null ? event.status() : "NEW",
                envelope.occurredAt());
        leads.assigned(event.leadId(), event.customerId(), event.assignedTo(), envelope.occurredAt());
        names.named(event.assignedTo(), event.assigneeName(), envelope.occurredAt());
    }
}

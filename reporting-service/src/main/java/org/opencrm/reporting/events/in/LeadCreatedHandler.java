package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.LeadChange;
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
        leads.apply(event.leadId(), LeadChange.of(event.customerId(), envelope.occurredAt())
            .created(envelope.occurredAt())
            .described(event.source(), decimal(event.value(), envelope), event.currency())
            .status(event.status() != null ? event.status() : "NEW")
            .assignee(event.assignedTo()));
        names.named(event.assignedTo(), event.assigneeName(), envelope.occurredAt());
    }
}

package org.opencrm.reporting.events.in;

import java.math.BigDecimal;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.LeadFacts;

/** Base of the lead handlers: each keeps what its event type says about the lead. */
abstract class LeadEventHandler implements InboundEventHandler<LeadEvent> {

    private final LeadFacts leads;

    LeadEventHandler(LeadFacts leads) {
        this.leads = leads;
    }

    @Override
    public Class<LeadEvent> payloadType() {
        return LeadEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadEvent event) {
        if (event.leadId() == null || event.customerId() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type() + " without leadId, customerId or occurredAt");
        }
        apply(leads, envelope, event);
    }

    abstract void apply(LeadFacts leads, EventEnvelope envelope, LeadEvent event);

    static BigDecimal decimal(String value, EventEnvelope envelope) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        }
        catch (NumberFormatException ex) {
            throw new UnprocessableEventException(envelope.type() + " with an amount that is no decimal: " + value, ex);
        }
    }
}

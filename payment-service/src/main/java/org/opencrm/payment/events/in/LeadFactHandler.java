package org.opencrm.payment.events.in;

import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the lead event handlers: each keeps what its event type says about the lead. */
abstract class LeadFactHandler implements InboundEventHandler<LeadFact> {

    private final KnownLeads leads;

    LeadFactHandler(KnownLeads leads) {
        this.leads = leads;
    }

    @Override
    public Class<LeadFact> payloadType() {
        return LeadFact.class;
    }

    @Override
    public void handle(EventEnvelope envelope, LeadFact lead) {
        if (lead.leadId() == null || lead.customerId() == null) {
            throw new UnprocessableEventException(envelope.type() + " without leadId or customerId");
        }
        know(leads, envelope, lead);
    }

    abstract void know(KnownLeads leads, EventEnvelope envelope, LeadFact lead);
}

package org.opencrm.lead.events.in;

import java.time.Instant;

import org.opencrm.lead.application.LeadScoring;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * Counts an event as a signal of one kind about its customer (crm.leads.scoring.signals.&lt;kind&gt; scores it); the
 * customer's leads are scored again within the recompute interval.
 */
abstract class CustomerSignalHandler implements InboundEventHandler<CustomerSignal> {

    private final LeadScoring scoring;

    private final String kind;

    CustomerSignalHandler(LeadScoring scoring, String kind) {
        this.scoring = scoring;
        this.kind = kind;
    }

    @Override
    public Class<CustomerSignal> payloadType() {
        return CustomerSignal.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerSignal signal) {
        Instant at = signal.occurredAt() != null ? signal.occurredAt() : envelope.occurredAt();
        if (signal.customerId() == null || at == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or occurredAt");
        }
        scoring.recordCustomerSignal(signal.customerId(), kind, at);
    }
}

package org.opencrm.lead.events.in;

import java.time.Instant;

import org.opencrm.lead.application.LeadScoring;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * A payment on a lead: its status after the event decides whether it counts for the lead's score
 * (crm.leads.scoring.signals.payment); the lead is scored again within the recompute interval. A payment on no lead
 * says nothing about one.
 */
abstract class PaymentSignalHandler implements InboundEventHandler<PaymentSignal> {

    private final LeadScoring scoring;

    PaymentSignalHandler(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public Class<PaymentSignal> payloadType() {
        return PaymentSignal.class;
    }

    @Override
    public void handle(EventEnvelope envelope, PaymentSignal payment) {
        if (payment.leadId() == null) {
            return;
        }
        Instant at = payment.occurredAt() != null ? payment.occurredAt() : envelope.occurredAt();
        String status = statusAfter(payment);
        if (payment.paymentId() == null || status == null || at == null) {
            throw new UnprocessableEventException(envelope.type() + " without paymentId, status or occurredAt");
        }
        scoring.recordPayment(payment.paymentId(), payment.leadId(), status, at);
    }

    /** The payment's status once the event happened. */
    abstract String statusAfter(PaymentSignal payment);
}

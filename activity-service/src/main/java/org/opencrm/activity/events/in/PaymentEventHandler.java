package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.opencrm.activity.domain.TimelineKind;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * Base of the payment event handlers: each puts one event type on the customer's timeline as a {@code payment} entry.
 * A payment on a lead is an entry about the lead: it names the lead, and among sales users only the lead's assignee
 * sees it (the record-level rule of lead entries).
 */
abstract class PaymentEventHandler implements InboundEventHandler<PaymentEvent> {

    private final ActivityService activities;
    private final KnownReferencesService references;

    PaymentEventHandler(ActivityService activities, KnownReferencesService references) {
        this.activities = activities;
        this.references = references;
    }

    @Override
    public Class<PaymentEvent> payloadType() {
        return PaymentEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, PaymentEvent payment) {
        if (payment.paymentId() == null || payment.customerId() == null || payment.amount() == null
                || payment.currency() == null) {
            throw new UnprocessableEventException(envelope.type() + " without paymentId, customerId, amount or currency");
        }
        String summary = summary(payment, references);
        if (payment.leadId() != null) {
            summary += " for lead " + references.leadTitle(payment.leadId()).orElse("(unknown)");
        }
        activities.record(envelope, payment.customerId(), TimelineKind.PAYMENT, payment.leadId(), summary);
    }

    abstract String summary(PaymentEvent payment, KnownReferencesService references);
}

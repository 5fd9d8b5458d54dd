package org.opencrm.reporting.events.in;

import java.math.BigDecimal;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.PaymentFacts;

/** Base of the payment handlers: each keeps what its event type says about the payment. */
abstract class PaymentEventHandler implements InboundEventHandler<PaymentEvent> {

    static final String COMPLETED = "COMPLETED";

    private final PaymentFacts payments;

    PaymentEventHandler(PaymentFacts payments) {
        this.payments = payments;
    }

    @Override
    public Class<PaymentEvent> payloadType() {
        return PaymentEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, PaymentEvent event) {
        if (event.paymentId() == null || event.customerId() == null || event.currency() == null
                || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type()
                    + " without paymentId, customerId, currency or occurredAt");
        }
        BigDecimal amount = LeadEventHandler.decimal(event.amount(), envelope);
        if (amount == null) {
            throw new UnprocessableEventException(envelope.type() + " without an amount");
        }
        apply(payments, envelope, event, amount);
    }

    abstract void apply(PaymentFacts payments, EventEnvelope envelope, PaymentEvent event, BigDecimal amount);
}

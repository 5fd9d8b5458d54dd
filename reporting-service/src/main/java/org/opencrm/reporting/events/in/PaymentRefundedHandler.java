package org.opencrm.reporting.events.in;

import java.math.BigDecimal;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.PaymentFacts;
import org.springframework.stereotype.Component;

@Component
class PaymentRefundedHandler extends PaymentEventHandler {

    PaymentRefundedHandler(PaymentFacts payments) {
        super(payments);
    }

    @Override
    public String eventType() {
        return "payment.refunded";
    }

    @Override
    void apply(PaymentFacts payments, EventEnvelope envelope, PaymentEvent event, BigDecimal amount) {
        if (event.refundId() == null || event.status() == null) {
            throw new UnprocessableEventException("payment.refunded without refundId or status");
        }
        payments.status(event.paymentId(), event.customerId(), event.leadId(), event.currency(), event.status(),
                envelope.occurredAt());
        payments.refunded(event.refundId(), event.paymentId(), event.customerId(), event.leadId(), amount,
                event.currency(), envelope.occurredAt());
    }
}

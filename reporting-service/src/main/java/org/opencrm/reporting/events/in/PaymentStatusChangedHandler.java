package org.opencrm.reporting.events.in;

import java.math.BigDecimal;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.PaymentFacts;
import org.springframework.stereotype.Component;

@Component
class PaymentStatusChangedHandler extends PaymentEventHandler {

    PaymentStatusChangedHandler(PaymentFacts payments) {
        super(payments);
    }

    @Override
    public String eventType() {
        return "payment.status-changed";
    }

    @Override
    void apply(PaymentFacts payments, EventEnvelope envelope, PaymentEvent event, BigDecimal amount) {
        if (event.to() == null) {
            throw new UnprocessableEventException("payment.status-changed without its new status");
        }
        payments.amount(event.paymentId(), event.customerId(), event.leadId(), amount, event.currency());
        payments.status(event.paymentId(), event.customerId(), event.leadId(), event.currency(), event.to(),
                envelope.occurredAt());
        if (COMPLETED.equals(event.to())) {
            payments.paid(event.paymentId(), event.paidAt() != null ? event.paidAt() : envelope.occurredAt());
        }
    }
}

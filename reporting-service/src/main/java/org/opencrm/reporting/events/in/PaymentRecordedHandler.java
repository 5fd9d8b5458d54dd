package org.opencrm.reporting.events.in;

import java.math.BigDecimal;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.reporting.domain.PaymentFacts;
import org.springframework.stereotype.Component;

@Component
class PaymentRecordedHandler extends PaymentEventHandler {

    PaymentRecordedHandler(PaymentFacts payments) {
        super(payments);
    }

    @Override
    public String eventType() {
        return "payment.recorded";
    }

    @Override
    void apply(PaymentFacts payments, EventEnvelope envelope, PaymentEvent event, BigDecimal amount) {
        payments.amount(event.paymentId(), event.customerId(), event.leadId(), amount, event.currency());
        payments.recorded(event.paymentId(), event.method(), envelope.occurredAt());
        payments.status(event.paymentId(), event.customerId(), event.leadId(), event.currency(),
                event.status() != null ? event.status() : COMPLETED, envelope.occurredAt());
        if (event.status() == null || COMPLETED.equals(event.status())) {
            payments.paid(event.paymentId(), event.paidAt() != null ? event.paidAt() : envelope.occurredAt());
        }
    }
}

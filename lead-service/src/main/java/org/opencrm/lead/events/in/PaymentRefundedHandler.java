package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

@Component
class PaymentRefundedHandler extends PaymentSignalHandler {

    PaymentRefundedHandler(LeadScoring scoring) {
        super(scoring);
    }

    @Override
    public String eventType() {
        return "payment.refunded";
    }

    @Override
    String statusAfter(PaymentSignal payment) {
        return payment.status();
    }
}

package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

@Component
class PaymentStatusChangedHandler extends PaymentSignalHandler {

    PaymentStatusChangedHandler(LeadScoring scoring) {
        super(scoring);
    }

    @Override
    public String eventType() {
        return "payment.status-changed";
    }

    @Override
    String statusAfter(PaymentSignal payment) {
        return payment.to();
    }
}

package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

@Component
class PaymentRecordedHandler extends PaymentSignalHandler {

    PaymentRecordedHandler(LeadScoring scoring) {
        super(scoring);
    }

    @Override
    public String eventType() {
        return "payment.recorded";
    }

    @Override
    String statusAfter(PaymentSignal payment) {
        return payment.status();
    }
}

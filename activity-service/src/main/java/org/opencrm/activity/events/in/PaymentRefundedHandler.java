package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class PaymentRefundedHandler extends PaymentEventHandler {

    PaymentRefundedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "payment.refunded";
    }

    @Override
    String summary(PaymentEvent refund, KnownReferencesService references) {
        return PaymentSummaries.refunded(refund, references.paymentAmount(refund.paymentId()).orElse(null));
    }
}

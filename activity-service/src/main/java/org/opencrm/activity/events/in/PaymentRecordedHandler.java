package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class PaymentRecordedHandler extends PaymentEventHandler {

    PaymentRecordedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "payment.recorded";
    }

    @Override
    String summary(PaymentEvent payment, KnownReferencesService references) {
        references.paymentRecorded(payment.paymentId(), payment.amount(), payment.currency());
        return PaymentSummaries.recorded(payment);
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.application.KnownReferencesService;
import org.springframework.stereotype.Component;

@Component
class PaymentStatusChangedHandler extends PaymentEventHandler {

    PaymentStatusChangedHandler(ActivityService activities, KnownReferencesService references) {
        super(activities, references);
    }

    @Override
    public String eventType() {
        return "payment.status-changed";
    }

    @Override
    String summary(PaymentEvent payment, KnownReferencesService references) {
        return PaymentSummaries.statusChanged(payment);
    }
}

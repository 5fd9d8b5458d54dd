package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.springframework.stereotype.Component;

@Component
class DocumentAttachedHandler extends CustomerActivityHandler {

    DocumentAttachedHandler(ActivityFacts activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.document-attached";
    }

    @Override
    String kind() {
        return "document";
    }
}

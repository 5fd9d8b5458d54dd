package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class DocumentAttachedHandler extends CustomerDocumentEventHandler {

    DocumentAttachedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.document-attached";
    }

    @Override
    String summary(CustomerDocumentEvent document) {
        return "Document " + document.filename() + " attached";
    }
}

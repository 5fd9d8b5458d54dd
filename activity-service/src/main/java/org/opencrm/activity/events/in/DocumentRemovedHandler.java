package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class DocumentRemovedHandler extends CustomerDocumentEventHandler {

    DocumentRemovedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.document-removed";
    }

    @Override
    String summary(CustomerDocumentEvent document) {
        return "Document " + document.filename() + " removed";
    }
}

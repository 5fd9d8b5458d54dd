package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.springframework.stereotype.Component;

@Component
class NoteAddedHandler extends CustomerActivityHandler {

    NoteAddedHandler(ActivityFacts activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.note-added";
    }

    @Override
    String kind() {
        return "note";
    }
}

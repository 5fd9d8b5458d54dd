package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class NoteAddedHandler extends NoteEventHandler {

    NoteAddedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.note-added";
    }

    @Override
    String summary(NoteEvent note) {
        return "Note added";
    }
}

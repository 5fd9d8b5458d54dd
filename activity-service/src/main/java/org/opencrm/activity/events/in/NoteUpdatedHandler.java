package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class NoteUpdatedHandler extends NoteEventHandler {

    NoteUpdatedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.note-updated";
    }

    @Override
    String summary(NoteEvent note) {
        return "Note updated";
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.stereotype.Component;

@Component
class NoteDeletedHandler extends NoteEventHandler {

    NoteDeletedHandler(ActivityService activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "customer.note-deleted";
    }

    @Override
    String summary(NoteEvent note) {
        return "Note deleted";
    }
}

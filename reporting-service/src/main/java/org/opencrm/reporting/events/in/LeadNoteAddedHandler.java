package org.opencrm.reporting.events.in;

import org.opencrm.reporting.domain.ActivityFacts;
import org.springframework.stereotype.Component;

/** A note added to a lead: one activity of its author, about the lead (counted where the lead may be seen). */
@Component
class LeadNoteAddedHandler extends CustomerActivityHandler {

    LeadNoteAddedHandler(ActivityFacts activities) {
        super(activities);
    }

    @Override
    public String eventType() {
        return "lead.note-added";
    }

    @Override
    String kind() {
        return "note";
    }

    @Override
    boolean aboutALead() {
        return true;
    }
}

package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three lead.note-* event types, one handler each. */
@Configuration(proxyBeanMethods = false)
class LeadNoteHandlers {

    @Bean
    LeadNoteHandler leadNoteAddedHandler(ActivityService activities) {
        return new LeadNoteHandler(activities, "lead.note-added", "added");
    }

    @Bean
    LeadNoteHandler leadNoteUpdatedHandler(ActivityService activities) {
        return new LeadNoteHandler(activities, "lead.note-updated", "updated");
    }

    @Bean
    LeadNoteHandler leadNoteDeletedHandler(ActivityService activities) {
        return new LeadNoteHandler(activities, "lead.note-deleted", "deleted");
    }
}

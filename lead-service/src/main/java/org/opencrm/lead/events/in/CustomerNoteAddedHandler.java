package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

/**
 * A note was written about the customer: someone is working with them. Counted with the notes on the lead itself
 * (signal {@code note}); an edited or deleted customer note changes nothing.
 */
@Component
class CustomerNoteAddedHandler extends CustomerSignalHandler {

    CustomerNoteAddedHandler(LeadScoring scoring) {
        super(scoring, LeadScoring.NOTE);
    }

    @Override
    public String eventType() {
        return "customer.note-added";
    }
}

package org.opencrm.lead.events.in;

import org.opencrm.lead.application.LeadScoring;
import org.springframework.stereotype.Component;

/** A communication with the customer was logged (a call, an e-mail, a meeting). */
@Component
class CommunicationLoggedHandler extends CustomerSignalHandler {

    CommunicationLoggedHandler(LeadScoring scoring) {
        super(scoring, "communication");
    }

    @Override
    public String eventType() {
        return "customer.communication-logged";
    }
}

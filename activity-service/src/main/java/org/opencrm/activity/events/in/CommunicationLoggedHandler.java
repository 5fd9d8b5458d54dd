package org.opencrm.activity.events.in;

import java.time.Instant;
import java.util.Locale;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.stereotype.Component;

/** A logged call, email, meeting or message on the customer's timeline: "Inbound call logged: Renewal". */
@Component
class CommunicationLoggedHandler implements InboundEventHandler<CommunicationEvent> {

    private final ActivityService activities;

    CommunicationLoggedHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public String eventType() {
        return "customer.communication-logged";
    }

    @Override
    public Class<CommunicationEvent> payloadType() {
        return CommunicationEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CommunicationEvent communication) {
        if (communication.customerId() == null || communication.type() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or type");
        }
        // on the timeline when it happened, not when it was logged
        Instant when = communication.occurredAt() == null ? envelope.occurredAt() : communication.occurredAt();
        activities.record(envelope, communication.customerId(), when, summary(communication));
    }

    static String summary(CommunicationEvent communication) {
        String kind = communication.type().toLowerCase(Locale.ROOT);
        String what = communication.direction() == null ? capitalised(kind)
                : capitalised(communication.direction().toLowerCase(Locale.ROOT)) + " " + kind;
        return Summaries.withDetail(what + " logged", communication.subject());
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

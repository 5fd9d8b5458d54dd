package org.opencrm.activity.events.in;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.activity.domain.TimelineKind;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/**
 * Base of the follow-up event handlers: this service's own events come back from {@code crm.activity} like any
 * other's, so the timeline stays a model of the topics (a replay rebuilds follow-up entries too).
 */
abstract class FollowUpEventHandler implements InboundEventHandler<FollowUpEvent> {

    private final ActivityService activities;

    FollowUpEventHandler(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Class<FollowUpEvent> payloadType() {
        return FollowUpEvent.class;
    }

    @Override
    public void handle(EventEnvelope envelope, FollowUpEvent followUp) {
        if (followUp.customerId() == null || followUp.title() == null) {
            throw new UnprocessableEventException(envelope.type() + " without customerId or title");
        }
        activities.record(envelope, followUp.customerId(), TimelineKind.FOLLOW_UP, followUp.leadId(),
                summary(followUp));
    }

    abstract String summary(FollowUpEvent followUp);
}

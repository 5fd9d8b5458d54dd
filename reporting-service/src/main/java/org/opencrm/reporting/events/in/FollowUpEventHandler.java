package org.opencrm.reporting.events.in;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.FollowUpFacts;

/**
 * Base of the follow-up handlers: the follow-up's state, newest wins; its creation and completion also count as
 * activities of whoever did them ({@code activityKind}, null: none).
 */
abstract class FollowUpEventHandler implements InboundEventHandler<FollowUpEvent> {

    private final FollowUpFacts followUps;
    private final ActivityFacts activities;

    FollowUpEventHandler(FollowUpFacts followUps, ActivityFacts activities) {
        this.followUps = followUps;
        this.activities = activities;
    }

    @Override
    public Class<FollowUpEvent> payloadType() {
        return FollowUpEvent.class;
    }

    abstract String activityKind();

    @Override
    public void handle(EventEnvelope envelope, FollowUpEvent event) {
        if (event.followUpId() == null || event.customerId() == null || event.dueAt() == null
                || event.status() == null || envelope.occurredAt() == null) {
            throw new UnprocessableEventException(envelope.type()
                    + " without followUpId, customerId, dueAt, status or occurredAt");
        }
        followUps.changed(event.followUpId(), event.customerId(), event.leadId(), event.assignee(), event.status(),
                event.dueAt(), envelope.occurredAt(), "follow-up.created".equals(envelope.type()));
        if (activityKind() != null) {
            activities.happened(envelope.id(), activityKind(), event.customerId(), event.leadId(),
                    event.actorId() != null ? event.actorId() : envelope.actor(), envelope.occurredAt());
        }
    }
}

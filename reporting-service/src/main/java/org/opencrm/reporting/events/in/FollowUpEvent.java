package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.UUID;

/** This service's view of a follow-up event's payload (every follow-up event carries the whole follow-up). */
public record FollowUpEvent(UUID followUpId, UUID customerId, UUID leadId, Instant dueAt, String assignee,
        String status, String actorId) {
}

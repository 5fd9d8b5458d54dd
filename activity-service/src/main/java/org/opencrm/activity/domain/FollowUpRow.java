package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

/** A follow-up with the names of its customer and lead as this service knows them (null when never named). */
public record FollowUpRow(UUID id, UUID customerId, String customerName, UUID leadId, String leadTitle, String title,
        String notes, Instant dueAt, String assignee, String assigneeName, FollowUpStatus status, String createdBy,
        Instant createdAt, Instant updatedAt, Instant closedAt, long version) {
}

package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.FollowUpRow;

/** A follow-up; {@code customerName} and {@code leadTitle} as this service knows them (null when it never heard). */
public record FollowUpResponse(UUID id, UUID customerId, String customerName, UUID leadId, String leadTitle,
        String title, String notes, Instant dueAt, String assignee, String assigneeName, String status,
        String createdBy, Instant createdAt, Instant updatedAt, Instant closedAt, long version) {

    static FollowUpResponse of(FollowUpRow row) {
        return new FollowUpResponse(row.id(), row.customerId(), row.customerName(), row.leadId(), row.leadTitle(),
                row.title(), row.notes(), row.dueAt(), row.assignee(), row.assigneeName(), row.status().name(),
                row.createdBy(), row.createdAt(), row.updatedAt(), row.closedAt(), row.version());
    }
}

package org.opencrm.activity.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of every follow-up event on {@code crm.activity} (key: the follow-up id), version 1:
 * {@code follow-up.created}, {@code follow-up.updated}, {@code follow-up.completed}, {@code follow-up.cancelled} and
 * {@code follow-up.due} (once, when its due time comes while it is open). {@code actorId} is who caused it
 * ({@code system} for the due job).
 */
public record FollowUpChange(UUID followUpId, UUID customerId, UUID leadId, String title, Instant dueAt,
        String assignee, String assigneeName, String status, Instant occurredAt, String actorId) {

    public static final String CREATED = "follow-up.created";
    public static final String UPDATED = "follow-up.updated";
    public static final String COMPLETED = "follow-up.completed";
    public static final String CANCELLED = "follow-up.cancelled";
    public static final String DUE = "follow-up.due";
}

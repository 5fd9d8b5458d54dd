package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

/** What a user sets on a follow-up, checked and with the assignee's name resolved. */
public record FollowUpDetails(UUID leadId, String title, String notes, Instant dueAt, String assignee,
        String assigneeName) {
}

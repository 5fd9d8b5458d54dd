package org.opencrm.activity.application;

import java.time.Instant;
import java.util.UUID;

/** The editable facts of a follow-up, all replaced (its customer never changes); {@code assignee} as for a new one. */
public record FollowUpChanges(UUID leadId, String title, String notes, Instant dueAt, String assignee) {
}

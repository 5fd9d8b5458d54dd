package org.opencrm.activity.application;

import java.time.Instant;
import java.util.UUID;

/** A follow-up as a client asks for it; {@code assignee} null (or {@code me}) means the caller. */
public record NewFollowUp(UUID customerId, UUID leadId, String title, String notes, Instant dueAt, String assignee) {
}

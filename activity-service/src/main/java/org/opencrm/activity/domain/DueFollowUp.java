package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

/** An open follow-up whose due time has come, claimed for announcing. */
public record DueFollowUp(UUID id, UUID customerId, UUID leadId, String title, Instant dueAt, String assignee) {
}

package org.opencrm.activity.events.in;

import java.util.UUID;

/**
 * This service's view of any lead event payload: only the fields it reads (most are absent from most types).
 * {@code assignedTo} is {@code lead.created}'s assignee, {@code assignee} {@code lead.assigned}'s.
 */
public record LeadEvent(UUID leadId, UUID customerId, String title, String from, String to, String reason,
        String assigneeName, Integer score, String assignedTo, String assignee) {
}

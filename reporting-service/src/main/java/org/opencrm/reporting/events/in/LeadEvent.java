package org.opencrm.reporting.events.in;

import java.util.UUID;

/**
 * This service's view of a lead event's payload. {@code assignedTo} is lead.created's assignee, {@code assignee}
 * lead.assigned's, {@code assigneeName} how people know either; {@code to} lead.status-changed's new status;
 * {@code value} a decimal string.
 */
public record LeadEvent(UUID leadId, UUID customerId, String source, String value, String currency, String status,
        String assignedTo, String assignee, String assigneeName, String to) {
}

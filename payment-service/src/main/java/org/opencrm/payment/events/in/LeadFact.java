package org.opencrm.payment.events.in;

import java.util.UUID;

/**
 * This service's view of any lead event payload: only the fields it reads. {@code assignedTo} is
 * {@code lead.created}'s assignee, {@code assignee} {@code lead.assigned}'s.
 */
public record LeadFact(UUID leadId, UUID customerId, String title, String assignedTo, String assignee) {
}

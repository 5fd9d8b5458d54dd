package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of a follow-up event payload on {@code crm.activity}: what the timeline entry needs. */
public record FollowUpEvent(UUID followUpId, UUID customerId, UUID leadId, String title, String assigneeName) {
}

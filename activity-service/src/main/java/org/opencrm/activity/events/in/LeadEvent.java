package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of any lead event payload: only the fields it reads (most are absent from most types). */
public record LeadEvent(UUID leadId, UUID customerId, String title, String from, String to, String reason,
        String assigneeName, Integer score) {
}

package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.assigned}, version 1: who had it ({@code from}, null when nobody) and who has it now. */
public record LeadAssigned(UUID leadId, UUID customerId, String title, String from, String assignee,
        String assigneeName) {

    public static final String TYPE = "lead.assigned";
}

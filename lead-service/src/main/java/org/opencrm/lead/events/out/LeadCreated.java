package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.created}, version 1; {@code value} with the currency's minor-unit scale, as the API shows it. */
public record LeadCreated(UUID leadId, UUID customerId, String title, String source, String value, String currency,
        String status, String assignedTo, String assigneeName) {

    public static final String TYPE = "lead.created";
}

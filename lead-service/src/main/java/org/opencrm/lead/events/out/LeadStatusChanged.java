package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.status-changed}, version 1; {@code reason} is given for a lost lead. */
public record LeadStatusChanged(UUID leadId, UUID customerId, String title, String from, String to, String reason) {

    public static final String TYPE = "lead.status-changed";
}

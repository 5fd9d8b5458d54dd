package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.deleted}, version 1. */
public record LeadDeleted(UUID leadId, UUID customerId, String title) {

    public static final String TYPE = "lead.deleted";
}

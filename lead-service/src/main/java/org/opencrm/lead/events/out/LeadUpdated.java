package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.updated}, version 1: the editable facts after the change. */
public record LeadUpdated(UUID leadId, UUID customerId, String title, String source, String value, String currency) {

    public static final String TYPE = "lead.updated";
}

package org.opencrm.lead.application;

import org.opencrm.lead.domain.LeadRow;

/** The lead a create returned; {@code replayed} when an earlier request with the same key created it. */
public record CreatedLead(LeadRow lead, boolean replayed) {
}

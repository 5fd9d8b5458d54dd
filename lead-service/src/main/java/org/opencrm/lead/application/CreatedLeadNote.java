package org.opencrm.lead.application;

import org.opencrm.lead.domain.LeadNoteRow;

/** @param replayed whether an earlier request with the same Idempotency-Key added it */
public record CreatedLeadNote(LeadNoteRow note, boolean replayed) {
}

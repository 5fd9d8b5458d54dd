package org.opencrm.customer.application;

import org.opencrm.customer.domain.NoteRow;

/** @param replayed whether an earlier request with the same Idempotency-Key added it */
public record CreatedNote(NoteRow note, boolean replayed) {
}

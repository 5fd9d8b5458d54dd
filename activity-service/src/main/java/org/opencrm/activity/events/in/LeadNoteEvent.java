package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of the lead.note-* payloads: only the fields it reads. */
public record LeadNoteEvent(UUID leadId, UUID customerId, String leadTitle, UUID noteId, String excerpt) {
}

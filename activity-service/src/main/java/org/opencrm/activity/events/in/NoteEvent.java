package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of the customer.note-* payloads: only the fields it reads. */
public record NoteEvent(UUID customerId, UUID noteId, String authorName, String excerpt) {
}

package org.opencrm.lead.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code lead.note-added}, {@code lead.note-updated} and {@code lead.note-deleted}, version 1: a note on a lead, with
 * the lead's customer and title so that a timeline can say which lead it is about. {@code authorId}/{@code
 * authorName}: who wrote the note (the envelope's actor is who changed it); {@code excerpt}: the note's plain text, at
 * most 200 characters; {@code occurredAt}: when it was added, last rewritten or deleted.
 */
public record LeadNoteChanged(UUID leadId, UUID customerId, String leadTitle, UUID noteId, String authorId,
        String authorName, String excerpt, Instant occurredAt) {

    public static final String ADDED = "lead.note-added";
    public static final String UPDATED = "lead.note-updated";
    public static final String DELETED = "lead.note-deleted";
}

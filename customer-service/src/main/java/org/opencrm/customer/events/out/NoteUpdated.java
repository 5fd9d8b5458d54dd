package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code customer.note-updated}, version 1. {@code authorId}/{@code authorName}: who wrote the note (the envelope's actor
 * is who updated it); {@code excerpt}: the note's plain text, at most 200 characters.
 */
public record NoteUpdated(UUID customerId, UUID noteId, String authorId, String authorName, String excerpt,
        Instant occurredAt) {

    public static final String TYPE = "customer.note-updated";
}

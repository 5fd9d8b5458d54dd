package org.opencrm.customer.domain;

import java.time.Instant;
import java.util.UUID;

/** A note as the use cases hand it out, read by the list query or copied from the entity inside the transaction. */
public record NoteRow(UUID id, UUID customerId, String authorId, String authorName, String body, Instant createdAt,
        Instant updatedAt, long version) {

    public static NoteRow of(Note note) {
        return new NoteRow(note.getId(), note.getCustomerId(), note.getAuthorId(), note.getAuthorName(),
                note.getBody(), note.getCreatedAt(), note.getUpdatedAt(), note.getVersion());
    }
}

package org.opencrm.lead.domain;

import java.time.Instant;
import java.util.UUID;

/** A note as the use cases hand it out, read by the list query or copied from the entity inside the transaction. */
public record LeadNoteRow(UUID id, UUID leadId, String authorId, String authorName, String body, Instant createdAt,
        Instant updatedAt, long version) {

    public static LeadNoteRow of(LeadNote note) {
        return new LeadNoteRow(note.getId(), note.getLeadId(), note.getAuthorId(), note.getAuthorName(),
                note.getBody(), note.getCreatedAt(), note.getUpdatedAt(), note.getVersion());
    }
}

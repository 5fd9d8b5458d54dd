package org.opencrm.lead.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.lead.domain.LeadNoteRow;

public record LeadNoteResponse(UUID id, UUID leadId, String authorId, String authorName,
        @Schema(description = "Sanitised HTML, safe to render as it is") String body, Instant createdAt,
        Instant updatedAt, long version) {

    static LeadNoteResponse of(LeadNoteRow row) {
        return new LeadNoteResponse(row.id(), row.leadId(), row.authorId(), row.authorName(), row.body(),
                row.createdAt(), row.updatedAt(), row.version());
    }
}

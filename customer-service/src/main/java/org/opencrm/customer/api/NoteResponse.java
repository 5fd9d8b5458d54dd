package org.opencrm.customer.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.customer.domain.NoteRow;

public record NoteResponse(UUID id, UUID customerId, String authorId, String authorName,
        @Schema(description = "Sanitised HTML, safe to render as it is") String body, Instant createdAt,
        Instant updatedAt, long version) {

    static NoteResponse of(NoteRow row) {
        return new NoteResponse(row.id(), row.customerId(), row.authorId(), row.authorName(), row.body(),
                row.createdAt(), row.updatedAt(), row.version());
    }
}

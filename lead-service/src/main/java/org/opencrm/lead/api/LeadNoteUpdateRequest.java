package org.opencrm.lead.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a note's update; {@code version} is the one the client read: a change made meanwhile is a 409. */
public record LeadNoteUpdateRequest(
        @Schema(description = "Rich text (HTML), sanitised before it is stored")
        @NotBlank @Size(max = LeadNoteRequest.MAX_RAW_BODY) String body,
        @NotNull Long version) {
}

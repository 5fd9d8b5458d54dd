package org.opencrm.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a new note. */
public record NoteRequest(
        @Schema(description = "Rich text (HTML). Sanitised before it is stored: see the allowed formatting in the README;"
                + " at most 100 KB once sanitised")
        @NotBlank @Size(max = NoteLimits.MAX_RAW_BODY) String body) {
}

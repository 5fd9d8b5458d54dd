package org.opencrm.lead.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a new note on a lead. */
public record LeadNoteRequest(
        @Schema(description = "Rich text (HTML). Sanitised before it is stored (the formatting customer notes allow);"
                + " at most 100 KB once sanitised")
        @NotBlank @Size(max = MAX_RAW_BODY) String body) {

    /** Characters of HTML a body may have as sent, checked before sanitising so the sanitiser never chews on more. */
    static final int MAX_RAW_BODY = 300_000;
}

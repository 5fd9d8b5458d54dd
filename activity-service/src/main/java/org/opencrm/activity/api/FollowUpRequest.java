package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.activity.application.NewFollowUp;

/**
 * Body of a create. {@code notes} is plain text (shown as typed, never as HTML). {@code assignee} is a user id; left
 * out (or {@code me}) it is the caller.
 */
public record FollowUpRequest(
        @NotNull UUID customerId,
        UUID leadId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        @NotNull @Schema(example = "2026-12-03T14:00:00Z") Instant dueAt,
        @Size(max = 128) String assignee) {

    NewFollowUp newFollowUp() {
        return new NewFollowUp(customerId, leadId, title, notes, dueAt, blankToNull(assignee));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.activity.application.FollowUpChanges;

/**
 * Body of an update: every editable field (the customer stays). {@code version} is the one the client read: a change
 * made meanwhile by someone else is a 409 instead of a silent overwrite.
 */
public record FollowUpUpdateRequest(
        UUID leadId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        @NotNull Instant dueAt,
        @Size(max = 128) String assignee,
        @NotNull Long version) {

    FollowUpChanges changes() {
        return new FollowUpChanges(leadId, title, notes, dueAt, FollowUpRequest.blankToNull(assignee));
    }
}

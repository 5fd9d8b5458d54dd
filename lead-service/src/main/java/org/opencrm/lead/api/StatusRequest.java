package org.opencrm.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.lead.domain.LeadStatus;

/** A move along the pipeline; {@code reason} is required for CLOSED_LOST. */
public record StatusRequest(@NotNull LeadStatus status, @Size(max = 500) String reason) {
}

package org.opencrm.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The user id of an active sales user. */
public record AssigneeRequest(@NotBlank @Size(max = 64) String assignee) {
}

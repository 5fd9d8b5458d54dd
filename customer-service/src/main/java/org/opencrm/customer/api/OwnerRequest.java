package org.opencrm.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The user id of the customer's new owner: an active user. */
public record OwnerRequest(@NotBlank @Size(max = 255) String owner) {
}

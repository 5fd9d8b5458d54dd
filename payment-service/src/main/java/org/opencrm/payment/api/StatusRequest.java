package org.opencrm.payment.api;

import jakarta.validation.constraints.NotNull;

import org.opencrm.payment.domain.PaymentStatus;

/** A pending payment's outcome; {@code version} is the one the client read (a change meanwhile is a 409). */
public record StatusRequest(@NotNull PaymentStatus status, @NotNull Long version) {
}

package org.opencrm.payment.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.payment.application.NewPayment;
import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentStatus;

/**
 * Body of a record. {@code amount} may come as a JSON string or number; it is read as a decimal, never as binary
 * floating point, and may have at most the currency's minor units (else 422 naming it).
 */
public record PaymentRequest(
        @NotNull UUID customerId,
        UUID leadId,
        @NotNull @Schema(type = "string", example = "12.50") BigDecimal amount,
        @NotNull @Schema(example = "EUR") String currency,
        @NotNull PaymentMethod method,
        @Size(max = 200) String externalRef,
        @Schema(description = "PENDING or COMPLETED (the default)") PaymentStatus status,
        @Schema(description = "when the money was received; default: now for a COMPLETED payment") Instant paidAt) {

    NewPayment newPayment() {
        Instants.requireStorable("paidAt", paidAt);
        return new NewPayment(customerId, leadId, amount, currency, method, externalRef, status, paidAt);
    }
}

package org.opencrm.payment.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.payment.application.NewPayment;
import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentStatus;
import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;

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
        @Schema(format = "date-time", example = "2026-12-01T10:00:00Z",
                description = "when the money was received (ISO 8601 instant, not in the future); default: now for "
                        + "a COMPLETED payment; a PENDING one has none yet")
        @Size(max = 40) String paidAt) {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    NewPayment newPayment() {
        return new NewPayment(customerId, leadId, amount, currency, method, externalRef, status, paidAtInstant());
    }

    /** Read here, not by Jackson: its instant parser trims control characters and takes an empty text for none. */
    private Instant paidAtInstant() {
        if (paidAt == null) {
            return null;
        }
        Instant received;
        try {
            received = Instants.requireStorable("paidAt", Instant.parse(paidAt));
        }
        catch (DateTimeParseException ex) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "paidAt", "must be an ISO 8601 instant");
        }
        if (status == PaymentStatus.PENDING) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, "paidAt",
                    "a pending payment has not been received yet: leave paidAt out");
        }
        // a client's clock a little ahead of ours is no future payment
        if (received.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, "paidAt", "must not be in the future");
        }
        return received;
    }
}

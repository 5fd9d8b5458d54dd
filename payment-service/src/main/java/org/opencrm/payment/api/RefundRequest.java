package org.opencrm.payment.api;

import java.math.BigDecimal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.payment.application.NewRefund;

/** Body of a refund: at most what remains of the payment, in its currency's minor units. */
public record RefundRequest(@NotNull @Schema(type = "string", example = "5.00") BigDecimal amount,
        @Size(max = 500) String reason) {

    NewRefund newRefund(UUID paymentId) {
        return new NewRefund(paymentId, amount, reason);
    }
}

package org.opencrm.payment.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A payment provider's event: {@code type} one of payment.succeeded, payment.failed, payment.refunded; {@code data}
 * names the payment by its {@code externalRef}; a refund may give its {@code amount} (default: what remains).
 */
public record ProviderEventRequest(
        @Schema(allowableValues = { "payment.succeeded", "payment.failed", "payment.refunded" }) String type,
        Data data) {

    public record Data(String externalRef, @Schema(type = "string", example = "12.50") BigDecimal amount,
            String currency) {
    }
}

package org.opencrm.payment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentStatus;

/** What a caller asks to record; {@code status} null means COMPLETED. */
public record NewPayment(UUID customerId, UUID leadId, BigDecimal amount, String currency, PaymentMethod method,
        String externalRef, PaymentStatus status, Instant paidAt) {

    /**
     * The request as compared under an Idempotency-Key: the same amount written {@code 12.5} or {@code 12.50} is the
     * same request.
     */
    Object fingerprint() {
        return new Fingerprint(customerId, leadId, amount == null ? null : amount.stripTrailingZeros().toPlainString(),
                currency, method, externalRef, status == null ? PaymentStatus.COMPLETED : status, paidAt);
    }

    record Fingerprint(UUID customerId, UUID leadId, String amount, String currency, PaymentMethod method,
            String externalRef, PaymentStatus status, Instant paidAt) {
    }
}

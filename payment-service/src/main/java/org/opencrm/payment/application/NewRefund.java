package org.opencrm.payment.application;

import java.math.BigDecimal;
import java.util.UUID;

/** A refund asked for on a payment. */
public record NewRefund(UUID paymentId, BigDecimal amount, String reason) {

    Object fingerprint() {
        return new Fingerprint(paymentId, amount == null ? null : amount.stripTrailingZeros().toPlainString(), reason);
    }

    record Fingerprint(UUID paymentId, String amount, String reason) {
    }
}

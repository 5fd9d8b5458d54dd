package org.opencrm.payment.domain;

import java.util.List;

/** Where a payment stands; it moves only along {@link #allowedNext()}. */
public enum PaymentStatus {

    PENDING, COMPLETED, FAILED, PARTIALLY_REFUNDED, REFUNDED;

    public List<PaymentStatus> allowedNext() {
        return switch (this) {
            case PENDING -> List.of(COMPLETED, FAILED);
            case COMPLETED -> List.of(PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> List.of(PARTIALLY_REFUNDED, REFUNDED);
            case FAILED, REFUNDED -> List.of();
        };
    }

    public boolean canMoveTo(PaymentStatus next) {
        return allowedNext().contains(next);
    }

    /** Money was received: it counts as paid (refunds aside). */
    public boolean isPaid() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}

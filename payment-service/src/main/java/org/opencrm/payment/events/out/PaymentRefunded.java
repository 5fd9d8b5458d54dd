package org.opencrm.payment.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code payment.refunded}, version 1: {@code amount} this refund, {@code refundedAmount} all refunds so far,
 * {@code status} the payment's afterwards (PARTIALLY_REFUNDED or REFUNDED).
 */
public record PaymentRefunded(UUID paymentId, UUID customerId, UUID leadId, UUID refundId, String amount,
        String refundedAmount, String currency, String status, Instant occurredAt) {

    public static final String TYPE = "payment.refunded";
}

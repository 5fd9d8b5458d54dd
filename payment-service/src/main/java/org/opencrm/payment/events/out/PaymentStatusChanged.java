package org.opencrm.payment.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code payment.status-changed}, version 1: PENDING to COMPLETED or FAILED (a refund is {@code payment.refunded});
 * {@code paidAt} when the money moved, set once it is COMPLETED.
 */
public record PaymentStatusChanged(UUID paymentId, UUID customerId, UUID leadId, String from, String to, String amount,
        String currency, Instant paidAt, Instant occurredAt) {

    public static final String TYPE = "payment.status-changed";
}

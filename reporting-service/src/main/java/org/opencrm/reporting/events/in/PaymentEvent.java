package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's view of a payment event's payload. {@code amount} is the payment's (a refund's own in
 * payment.refunded), a decimal string; {@code status} recorded's status or refunded's afterwards, {@code to}
 * status-changed's; {@code paidAt}, when a producer sends it, the time the money moved.
 */
public record PaymentEvent(UUID paymentId, UUID customerId, UUID leadId, UUID refundId, String amount,
        String currency, String status, String method, String to, Instant paidAt) {
}

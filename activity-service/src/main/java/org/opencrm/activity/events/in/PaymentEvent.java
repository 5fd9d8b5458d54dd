package org.opencrm.activity.events.in;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * This service's view of any payment event payload: only the fields it reads. Amounts travel as decimal strings and are
 * read as {@link BigDecimal}, never through binary floating point. {@code from} and {@code to} are
 * {@code payment.status-changed}'s; {@code refundedAmount} is {@code payment.refunded}'s (all refunded so far), whose
 * {@code amount} is the refund's own.
 */
public record PaymentEvent(UUID paymentId, UUID customerId, UUID leadId, BigDecimal amount, String currency,
        String status, String method, String from, String to, BigDecimal refundedAmount) {
}

package org.opencrm.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment as it is read and shown, with the names this service knows for its customer and lead. */
public record PaymentRow(UUID id, UUID customerId, String customerName, UUID leadId, String leadTitle,
        BigDecimal amount, String currency, PaymentStatus status, PaymentMethod method, String externalRef,
        BigDecimal refundedAmount, Instant paidAt, Instant createdAt, Instant updatedAt, String createdBy,
        String createdByName, long version) {
}

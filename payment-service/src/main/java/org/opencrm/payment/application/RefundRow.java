package org.opencrm.payment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.opencrm.payment.domain.Refund;

public record RefundRow(UUID id, UUID paymentId, BigDecimal amount, String reason, Instant createdAt, String createdBy,
        String createdByName) {

    static RefundRow of(Refund refund) {
        return new RefundRow(refund.getId(), refund.getPaymentId(), refund.getAmount(), refund.getReason(),
                refund.getCreatedAt(), refund.getCreatedBy(), refund.getCreatedByName());
    }
}

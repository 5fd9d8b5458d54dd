package org.opencrm.payment.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.payment.domain.Money;
import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentRow;
import org.opencrm.payment.domain.PaymentStatus;

/** A payment; amounts are strings with the currency's minor units ("12.50" EUR, "1200" JPY, "1.250" KWD). */
public record PaymentResponse(UUID id, UUID customerId, String customerName, UUID leadId, String leadTitle,
        String amount, String currency, PaymentStatus status, PaymentMethod method, String externalRef,
        String refundedAmount, Instant paidAt, Instant createdAt, Instant updatedAt, String createdBy,
        String createdByName, long version) {

    static PaymentResponse of(PaymentRow row) {
        return new PaymentResponse(row.id(), row.customerId(), row.customerName(), row.leadId(), row.leadTitle(),
                Money.plain(row.amount(), row.currency()), row.currency(), row.status(), row.method(),
                row.externalRef(), Money.plain(row.refundedAmount(), row.currency()), row.paidAt(), row.createdAt(),
                row.updatedAt(), row.createdBy(), row.createdByName(), row.version());
    }
}

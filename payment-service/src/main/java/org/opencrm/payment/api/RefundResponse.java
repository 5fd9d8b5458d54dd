package org.opencrm.payment.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.payment.application.RecordedRefund;
import org.opencrm.payment.application.RefundRow;
import org.opencrm.payment.domain.Money;

/** A refund and its payment as it is afterwards. */
public record RefundResponse(Refund refund, PaymentResponse payment) {

    public record Refund(UUID id, String amount, String reason, Instant createdAt, String createdBy,
            String createdByName) {

        static Refund of(RefundRow row, String currency) {
            return new Refund(row.id(), Money.plain(row.amount(), currency), row.reason(), row.createdAt(),
                    row.createdBy(), row.createdByName());
        }
    }

    static RefundResponse of(RecordedRefund recorded) {
        PaymentResponse payment = PaymentResponse.of(recorded.payment());
        return new RefundResponse(Refund.of(recorded.refund(), payment.currency()), payment);
    }
}

package org.opencrm.payment.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.payment.application.RecordedRefund;
import org.opencrm.payment.domain.Money;

/** A refund and its payment as it is afterwards. */
public record RefundResponse(Refund refund, PaymentResponse payment) {

    public record Refund(UUID id, String amount, String reason, Instant createdAt, String createdBy,
            String createdByName) {
    }

    static RefundResponse of(RecordedRefund recorded) {
        PaymentResponse payment = PaymentResponse.of(recorded.payment());
        return new RefundResponse(new Refund(recorded.refund().id(),
                Money.plain(recorded.refund().amount(), payment.currency()), recorded.refund().reason(),
                recorded.refund().createdAt(), recorded.refund().createdBy(), recorded.refund().createdByName()),
                payment);
    }
}

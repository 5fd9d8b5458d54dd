package org.opencrm.payment.application;

import org.opencrm.payment.domain.PaymentRow;

/** A refund and its payment afterwards; {@code replayed} as for {@link RecordedPayment}. */
public record RecordedRefund(RefundRow refund, PaymentRow payment, boolean replayed) {
}

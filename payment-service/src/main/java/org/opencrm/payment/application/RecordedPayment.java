package org.opencrm.payment.application;

import org.opencrm.payment.domain.PaymentRow;

/** A recorded payment; {@code replayed} when an earlier request with the same Idempotency-Key recorded it. */
public record RecordedPayment(PaymentRow payment, boolean replayed) {
}

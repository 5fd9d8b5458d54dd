package org.opencrm.payment.application;

import java.util.List;

import org.opencrm.payment.domain.PaymentRow;

/** A payment and its refunds, newest first. */
public record PaymentRefunds(PaymentRow payment, List<RefundRow> refunds) {
}

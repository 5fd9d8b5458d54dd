package org.opencrm.payment.application;

import java.math.BigDecimal;

import org.opencrm.payment.domain.Payment;
import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentStatus;

/** The audited fields of a payment, in the order people read them (the field history). */
record PaymentSnapshot(PaymentStatus status, BigDecimal amount, BigDecimal refundedAmount, PaymentMethod method,
        String externalRef) {

    static PaymentSnapshot of(Payment payment) {
        return new PaymentSnapshot(payment.getStatus(), payment.money().amount(),
                payment.getRefundedAmount().setScale(payment.money().amount().scale()), payment.getMethod(),
                payment.getExternalRef());
    }
}

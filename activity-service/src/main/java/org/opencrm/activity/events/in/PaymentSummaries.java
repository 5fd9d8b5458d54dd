package org.opencrm.activity.events.in;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** The words of a payment's timeline entries: "Payment of EUR 120.00 recorded (card)". Decimal arithmetic only. */
final class PaymentSummaries {

    private PaymentSummaries() {
    }

    static String recorded(PaymentEvent payment) {
        String what = "PENDING".equals(payment.status()) ? "Pending payment of " : "Payment of ";
        String method = payment.method() == null ? "" : " (" + words(payment.method()) + ")";
        return what + money(payment.amount(), payment.currency()) + " recorded" + method;
    }

    static String statusChanged(PaymentEvent payment) {
        return "Payment " + money(payment.amount(), payment.currency()) + " " + words(payment.to());
    }

    /** @param paymentAmount what the payment was of, when known */
    static String refunded(PaymentEvent refund, BigDecimal paymentAmount) {
        String refunded = money(refund.amount(), refund.currency()) + " refunded";
        if (paymentAmount != null) {
            return refunded + " of " + money(paymentAmount, refund.currency());
        }
        return refund.refundedAmount() == null ? refunded
                : refunded + " (" + money(refund.refundedAmount(), refund.currency()) + " in all)";
    }

    /** "EUR 120.00", "JPY 1200", "KWD 1.250": the currency's minor units (ISO 4217), unrounded if it has more. */
    static String money(BigDecimal amount, String currency) {
        return currency + " " + scaled(amount, currency).toPlainString();
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        }
        catch (IllegalArgumentException ex) {
            return amount;
        }
        if (digits < 0) {
            return amount;
        }
        try {
            return amount.setScale(digits, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException ex) {
            return amount;
        }
    }

    /** BANK_TRANSFER → "bank transfer", PARTIALLY_REFUNDED → "partially refunded". */
    private static String words(String constant) {
        return constant == null ? "changed" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

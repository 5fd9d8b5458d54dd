package org.opencrm.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void allowsExactlyTheTransitionsOfTheTable() {
        assertThat(PaymentStatus.PENDING.allowedNext()).containsExactlyInAnyOrder(PaymentStatus.COMPLETED,
                PaymentStatus.FAILED);
        assertThat(PaymentStatus.COMPLETED.allowedNext()).containsExactlyInAnyOrder(PaymentStatus.PARTIALLY_REFUNDED,
                PaymentStatus.REFUNDED);
        assertThat(PaymentStatus.PARTIALLY_REFUNDED.allowedNext())
            .containsExactlyInAnyOrder(PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
        assertThat(PaymentStatus.FAILED.allowedNext()).isEmpty();
        assertThat(PaymentStatus.REFUNDED.allowedNext()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void settlesOnlyAPendingPayment(PaymentStatus next) {
        for (PaymentStatus start : Set.of(PaymentStatus.PENDING, PaymentStatus.COMPLETED)) {
            Payment payment = payment("10.00", start);
            boolean allowed = start == PaymentStatus.PENDING && EnumSet.of(PaymentStatus.COMPLETED,
                    PaymentStatus.FAILED).contains(next);
            if (allowed) {
                payment.settle(next, NOW);
                assertThat(payment.getStatus()).isEqualTo(next);
            }
            else {
                assertThatThrownBy(() -> payment.settle(next, NOW)).isInstanceOf(StatusTransitionException.class);
                assertThat(payment.getStatus()).isEqualTo(start);
            }
        }
    }

    @Test
    void completingAPendingPaymentSetsWhenItWasPaid() {
        Payment payment = payment("10.00", PaymentStatus.PENDING);
        assertThat(payment.getPaidAt()).isNull();
        payment.settle(PaymentStatus.COMPLETED, NOW);
        assertThat(payment.getPaidAt()).isEqualTo(NOW);
    }

    @Test
    void refundsPartlyThenTheRestButNeverMoreThanWasPaid() {
        Payment payment = payment("10.00", PaymentStatus.COMPLETED);
        payment.refund(eur("4.00"), NOW);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        payment.refund(eur("1.50"), NOW);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> payment.refund(eur("4.51"), NOW))
            .isInstanceOfSatisfying(InvalidPaymentException.class, ex -> {
                assertThat(ex.field()).isEqualTo("amount");
                assertThat(ex.getMessage()).contains("4.50");
            });
        assertThat(payment.getRefundedAmount()).isEqualByComparingTo("5.50");
        payment.refund(eur("4.50"), NOW);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.getRefundedAmount()).isEqualByComparingTo("10.00");
        assertThatThrownBy(() -> payment.refund(eur("0.01"), NOW)).isInstanceOf(StatusTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = { "PENDING" })
    void refusesARefundOfAPaymentNotReceived(PaymentStatus status) {
        Payment pending = payment("10.00", status);
        assertThatThrownBy(() -> pending.refund(eur("1.00"), NOW)).isInstanceOf(StatusTransitionException.class);
        Payment failed = payment("10.00", PaymentStatus.PENDING);
        failed.settle(PaymentStatus.FAILED, NOW);
        assertThatThrownBy(() -> failed.refund(eur("1.00"), NOW)).isInstanceOf(StatusTransitionException.class);
    }

    @Test
    void refusesARefundInAnotherCurrency() {
        Payment payment = payment("10.00", PaymentStatus.COMPLETED);
        assertThatThrownBy(() -> payment.refund(Money.of(new BigDecimal("1"), "JPY", "amount"), NOW))
            .isInstanceOfSatisfying(InvalidPaymentException.class, ex -> assertThat(ex.field()).isEqualTo("currency"));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = { "FAILED", "REFUNDED", "PARTIALLY_REFUNDED" })
    void isRecordedOnlyPendingOrCompleted(PaymentStatus status) {
        assertThatThrownBy(() -> payment("10.00", status))
            .isInstanceOfSatisfying(InvalidPaymentException.class, ex -> assertThat(ex.field()).isEqualTo("status"));
    }

    private static Payment payment(String amount, PaymentStatus status) {
        return new Payment(UUID.randomUUID(), null, eur(amount), status, PaymentMethod.CARD, null, null, "u", "U",
                NOW);
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR", "amount");
    }
}

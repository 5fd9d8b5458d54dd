package org.opencrm.payment.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.payment.domain.PaymentStatus;

class DemoPaymentsTest {

    /** Early on the first of a month: "this month" is only hours long. */
    final Instant now = Instant.parse("2026-12-01T03:00:00Z");

    final List<DemoPayments.Planned> plan = DemoPayments.plan(80, now);

    @Test
    void paidOverTheLastThreeMonthsNeverLater() {
        assertThat(plan).hasSize(80).filteredOn(payment -> payment.paidAt() != null)
            .allSatisfy(payment -> assertThat(payment.paidAt()).isBetween(now.minus(Duration.ofDays(91)), now));
    }

    @Test
    void someArePaidThisMonthForItsRevenueToShow() {
        assertThat(plan).filteredOn(payment -> payment.status() == PaymentStatus.COMPLETED)
            .filteredOn(payment -> !payment.paidAt().isBefore(Instant.parse("2026-12-01T00:00:00Z")))
            .hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void someArePendingWithoutAPaymentDate() {
        assertThat(plan).filteredOn(payment -> payment.status() == PaymentStatus.PENDING).isNotEmpty()
            .allSatisfy(payment -> {
                assertThat(payment.paidAt()).isNull();
                assertThat(payment.refund()).isNull();
            });
    }

    @Test
    void someCompletedOnesArePartlyRefunded() {
        assertThat(plan).filteredOn(payment -> payment.refund() != null).isNotEmpty().allSatisfy(payment -> {
            assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
            assertThat(payment.refund()).isPositive().isLessThan(payment.amount());
        });
    }

    @Test
    void amountsInCurrenciesTheDashboardShows() {
        assertThat(plan).allSatisfy(payment -> {
            assertThat(payment.amount()).isBetween(new BigDecimal("150"), new BigDecimal("5000"));
            assertThat(payment.currency()).isIn("EUR", "USD", "GBP");
        });
        assertThat(plan).extracting(DemoPayments.Planned::currency).contains("EUR", "USD", "GBP");
    }

    @Test
    void theSamePaymentsEveryTime() {
        assertThat(DemoPayments.plan(80, now)).isEqualTo(plan);
    }
}

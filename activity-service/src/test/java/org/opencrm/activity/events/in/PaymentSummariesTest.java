package org.opencrm.activity.events.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PaymentSummariesTest {

    @Test
    void writesAmountsInTheirCurrencysMinorUnits() {
        assertThat(PaymentSummaries.money(new BigDecimal("120"), "EUR")).isEqualTo("EUR 120.00");
        assertThat(PaymentSummaries.money(new BigDecimal("1200"), "JPY")).isEqualTo("JPY 1200");
        assertThat(PaymentSummaries.money(new BigDecimal("1.25"), "KWD")).isEqualTo("KWD 1.250");
        // never rounded: an amount finer than the currency stays as it came, as does one of an unknown currency
        assertThat(PaymentSummaries.money(new BigDecimal("0.105"), "EUR")).isEqualTo("EUR 0.105");
        assertThat(PaymentSummaries.money(new BigDecimal("7.5"), "XYZ")).isEqualTo("XYZ 7.5");
        // exact where a double is not
        assertThat(PaymentSummaries.money(new BigDecimal("9007199254740993.10"), "EUR"))
            .isEqualTo("EUR 9007199254740993.10");
    }

    @Test
    void saysWhatHappenedToThePayment() {
        assertThat(PaymentSummaries.recorded(payment("120.00", "COMPLETED", "CARD", null, null)))
            .isEqualTo("Payment of EUR 120.00 recorded (card)");
        assertThat(PaymentSummaries.recorded(payment("5", "PENDING", "BANK_TRANSFER", null, null)))
            .isEqualTo("Pending payment of EUR 5.00 recorded (bank transfer)");
        assertThat(PaymentSummaries.statusChanged(payment("120.00", null, null, "COMPLETED", null)))
            .isEqualTo("Payment EUR 120.00 completed");
        assertThat(PaymentSummaries.refunded(payment("20.00", "PARTIALLY_REFUNDED", null, null, "20.00"),
                new BigDecimal("120.00")))
            .isEqualTo("EUR 20.00 refunded of EUR 120.00");
        // the payment's own amount unknown here (recorded before this service listened)
        assertThat(PaymentSummaries.refunded(payment("20.00", "PARTIALLY_REFUNDED", null, null, "50.00"), null))
            .isEqualTo("EUR 20.00 refunded (EUR 50.00 in all)");
    }

    private static PaymentEvent payment(String amount, String status, String method, String to, String refunded) {
        return new PaymentEvent(UUID.randomUUID(), UUID.randomUUID(), null, new BigDecimal(amount), "EUR", status,
                method, null, to, refunded == null ? null : new BigDecimal(refunded));
    }
}

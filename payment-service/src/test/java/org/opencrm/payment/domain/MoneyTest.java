package org.opencrm.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({ "12.5, EUR, 12.50", "12.50, EUR, 12.50", "12.500, EUR, 12.50", "1200, JPY, 1200", "1.2E+3, JPY, 1200",
            "1.25, KWD, 1.250", "1.250, KWD, 1.250", "0.001, KWD, 0.001", "0.01, USD, 0.01" })
    void keepsAmountsAtTheCurrencysMinorUnits(String amount, String currency, String shown) {
        assertThat(Money.of(new BigDecimal(amount), currency, "amount").plain()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({ "12.345, EUR", "12.5, JPY", "1.2345, KWD", "0.001, EUR" })
    void refusesMoreFractionDigitsThanTheCurrencyHasNamingTheField(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(new BigDecimal(amount), currency, "amount"))
            .isInstanceOfSatisfying(InvalidPaymentException.class, ex -> {
                assertThat(ex.field()).isEqualTo("amount");
                assertThat(ex.getMessage()).contains(currency);
            });
    }

    @ParameterizedTest
    @CsvSource({ "0, EUR, amount", "-1, EUR, amount", "1E+20, EUR, amount", "1E-999999999, EUR, amount",
            "1, eur, currency", "1, XAU, currency", "1, ABC, currency", "1, EURO, currency" })
    void refusesWhatIsNoPositiveAmountOfMoney(String amount, String currency, String field) {
        assertThatThrownBy(() -> Money.of(new BigDecimal(amount), currency, "amount"))
            .isInstanceOfSatisfying(InvalidPaymentException.class, ex -> assertThat(ex.field()).isEqualTo(field));
    }
}

package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An amount in one currency, shown with the currency's ISO 4217 minor units as the other services show it. */
public record Money(String currency, String amount) {

    public static Money of(String currency, BigDecimal amount) {
        return new Money(currency, plain(currency, amount));
    }

    /** The amount with the currency's minor units ({@code 2} for a code Java does not know), rounded half-even. */
    public static String plain(String currency, BigDecimal amount) {
        return amount.setScale(digits(currency), RoundingMode.HALF_EVEN).toPlainString();
    }

    static int digits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return 2;
        }
    }
}

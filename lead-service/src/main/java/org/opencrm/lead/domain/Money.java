package org.opencrm.lead.domain;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in an ISO 4217 currency, with no more fraction digits than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    /** The largest amount the lead table holds (numeric(19, 4)). */
    private static final BigDecimal MAX = new BigDecimal("999999999999999");

    public Money {
        amount = amount.setScale(fractionDigits(currency));
    }

    /** @throws InvalidLeadException naming {@code value} or {@code currency} for what is no amount of money */
    public static Money of(BigDecimal amount, String currencyCode) {
        Currency currency = currencyOf(currencyCode);
        if (amount == null) {
            throw new InvalidLeadException("value", "must not be null");
        }
        if (amount.signum() < 0) {
            throw new InvalidLeadException("value", "must not be negative");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidLeadException("value", "must be at most " + MAX.toPlainString());
        }
        int digits = fractionDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidLeadException("value",
                    "%s has %d fraction digits; the value has more".formatted(currency.getCurrencyCode(), digits));
        }
        return new Money(amount, currency);
    }

    private static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidLeadException("currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new InvalidLeadException("currency", code + " is no currency of money (a metal, a test code)");
            }
            return currency;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidLeadException("currency", code + " is no ISO 4217 currency");
        }
    }

    /** Currencies such as XAU have none (-1): they are refused by {@link #of}; 4 keeps the column's scale. */
    static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 4 : digits;
    }

    /** The amount with the currency's minor-unit scale, e.g. {@code 12500.00} EUR, {@code 3000} JPY. */
    public String plain() {
        return amount.toPlainString();
    }

    public static String plain(BigDecimal amount, String currencyCode) {
        return amount.setScale(fractionDigits(Currency.getInstance(currencyCode.strip()))).toPlainString();
    }
}

package org.opencrm.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in an ISO 4217 currency with no more fraction digits than the currency's minor units (2 for EUR, 0 for
 * JPY, 3 for KWD), held at exactly that scale. Trailing zeros beyond it ({@code 12.500} EUR) are the same amount.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** The largest amount the columns hold (numeric(19, 4)). */
    static final BigDecimal MAX = new BigDecimal("999999999999999");

    public Money {
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    /**
     * @param field the request field the amount came from, named in the refusal
     * @throws InvalidPaymentException naming {@code field} or {@code currency} for what is no positive amount of money
     */
    public static Money of(BigDecimal amount, String currencyCode, String field) {
        Currency currency = currencyOf(currencyCode);
        if (amount == null) {
            throw new InvalidPaymentException(field, "must not be null");
        }
        if (amount.signum() <= 0) {
            throw new InvalidPaymentException(field, "must be greater than 0");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidPaymentException(field, "must be at most " + MAX.toPlainString());
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidPaymentException(field, "%s has %d fraction digits (ISO 4217 minor units); %s has more"
                .formatted(currency.getCurrencyCode(), digits, amount));
        }
        return new Money(amount, currency);
    }

    /** @throws InvalidPaymentException naming {@code currency} for what is no ISO 4217 currency of money */
    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidPaymentException("currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new InvalidPaymentException("currency", code + " is no currency of money (a metal, a test code)");
            }
            return currency;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidPaymentException("currency", code + " is no ISO 4217 currency");
        }
    }

    /** The amount as the API and events show it, e.g. {@code 12.50} EUR, {@code 1200} JPY, {@code 1.250} KWD. */
    public String plain() {
        return amount.toPlainString();
    }

    /** A stored amount (scale 4) at its currency's scale, as text. */
    public static String plain(BigDecimal amount, String currencyCode) {
        return amount.setScale(Currency.getInstance(currencyCode.strip()).getDefaultFractionDigits()).toPlainString();
    }
}

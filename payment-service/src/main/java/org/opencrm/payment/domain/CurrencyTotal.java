package org.opencrm.payment.domain;

import java.math.BigDecimal;

/**
 * What was paid in one currency: {@code paid} sums the payments that were received (completed, refunded or not),
 * {@code refunded} what went back of them, {@code count} how many.
 */
public record CurrencyTotal(String currency, BigDecimal paid, BigDecimal refunded, long count) {

    public BigDecimal net() {
        return paid.subtract(refunded);
    }
}

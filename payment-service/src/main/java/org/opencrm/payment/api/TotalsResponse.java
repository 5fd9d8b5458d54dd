package org.opencrm.payment.api;

import java.util.List;

import org.opencrm.payment.domain.CurrencyTotal;
import org.opencrm.payment.domain.Money;

/** Per currency: what was paid, refunded and kept ({@code net}), and how many payments; amounts as strings. */
public record TotalsResponse(List<Total> totals) {

    public record Total(String currency, String paid, String refunded, String net, long count) {

        static Total of(CurrencyTotal total) {
            return new Total(total.currency(), Money.plain(total.paid(), total.currency()),
                    Money.plain(total.refunded(), total.currency()), Money.plain(total.net(), total.currency()),
                    total.count());
        }
    }

    static TotalsResponse of(List<CurrencyTotal> totals) {
        return new TotalsResponse(totals.stream().map(Total::of).toList());
    }
}

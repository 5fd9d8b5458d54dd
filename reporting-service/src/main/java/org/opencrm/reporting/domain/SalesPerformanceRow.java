package org.opencrm.reporting.domain;

import java.util.List;

/** One sales user's figures; {@code winRate} = won / (won + lost), null when nothing closed. */
public record SalesPerformanceRow(String userId, long leadsAssigned, long won, long lost, Double winRate,
        List<Money> revenue, Double averageDaysToClose) {

    static SalesPerformanceRow of(String userId, long leadsAssigned, long won, long lost, List<Money> revenue,
            Double averageDaysToClose) {
        return new SalesPerformanceRow(userId, leadsAssigned, won, lost, Rates.of(won, won + lost), revenue,
                averageDaysToClose);
    }
}

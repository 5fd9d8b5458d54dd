package org.opencrm.reporting.domain;

import java.util.List;

/**
 * One sales user's figures; {@code userName} how people know them (null until an event named them), {@code winRate} =
 * won / (won + lost), null when nothing closed.
 */
public record SalesPerformanceRow(String userId, String userName, long leadsAssigned, long won, long lost,
        Double winRate, List<Money> revenue, Double averageDaysToClose) {

    static SalesPerformanceRow of(String userId, long leadsAssigned, long won, long lost, List<Money> revenue,
            Double averageDaysToClose) {
        return new SalesPerformanceRow(userId, null, leadsAssigned, won, lost, Rates.of(won, won + lost), revenue,
                averageDaysToClose);
    }

    SalesPerformanceRow named(String name) {
        return new SalesPerformanceRow(userId, name, leadsAssigned, won, lost, winRate, revenue, averageDaysToClose);
    }

    /** The name, else the id. */
    public String displayName() {
        return userName != null ? userName : userId;
    }
}

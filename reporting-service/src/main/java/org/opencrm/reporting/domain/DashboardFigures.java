package org.opencrm.reporting.domain;

import java.util.List;

public record DashboardFigures(long customers, long newCustomers, long openLeads, List<Money> pipelineValue,
        List<Money> revenue, long wonLeads, long lostLeads, long followUpsDue) {

    /** won / (won + lost), null when nothing closed. */
    public Double conversionRate() {
        return Rates.of(wonLeads, wonLeads + lostLeads);
    }
}

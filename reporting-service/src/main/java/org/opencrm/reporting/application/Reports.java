package org.opencrm.reporting.application;

import java.time.Instant;
import java.util.List;

import org.opencrm.reporting.domain.FunnelStage;
import org.opencrm.reporting.domain.Money;
import org.opencrm.reporting.domain.QueryRow;
import org.opencrm.reporting.domain.SalesPerformanceRow;

/** The reports as the API answers them. */
public final class Reports {

    private Reports() {
    }

    public record Dashboard(long customers, long newCustomers, long openLeads, List<Money> pipelineValue,
            List<Money> revenue, long wonLeads, long lostLeads, Double conversionRate, long followUpsDue, Instant from,
            Instant to, Instant asOf) {
    }

    public record SalesPerformance(Instant from, Instant to, List<SalesPerformanceRow> rows) {
    }

    public record Funnel(Instant from, Instant to, List<FunnelStage> stages, Double conversionRate) {
    }

    public record RevenuePoint(String period, String amount) {
    }

    /** @param currencies every currency money moved in during the period (the viewer's share), in code order */
    public record Revenue(String currency, String granularity, Instant from, Instant to, List<RevenuePoint> points,
            String total, List<String> currencies) {
    }

    public record QueryResult(String groupBy, List<QueryRow> rows) {
    }
}

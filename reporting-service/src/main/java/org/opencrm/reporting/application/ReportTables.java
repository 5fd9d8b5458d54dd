package org.opencrm.reporting.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.opencrm.reporting.domain.FunnelStage;
import org.opencrm.reporting.domain.Money;
import org.opencrm.reporting.domain.SalesPerformanceRow;

/** The fixed reports as tables for CSV and PDF. */
public final class ReportTables {

    private ReportTables() {
    }

    public static ReportTable salesPerformance(Reports.SalesPerformance report) {
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.Bar> bars = new ArrayList<>();
        for (SalesPerformanceRow row : report.rows()) {
            rows.add(List.of(row.displayName(), String.valueOf(row.leadsAssigned()), String.valueOf(row.won()),
                    String.valueOf(row.lost()), rate(row.winRate()), money(row.revenue()),
                    row.averageDaysToClose() == null ? "" : String.format("%.1f", row.averageDaysToClose())));
            bars.add(new ReportTable.Bar(row.displayName(), row.won()));
        }
        return new ReportTable("sales-performance", "Sales performance", period(report.from(), report.to()),
                List.of("user", "leads assigned", "won", "lost", "win rate", "revenue", "average days to close"),
                rows, bars);
    }

    public static ReportTable funnel(Reports.Funnel report) {
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.Bar> bars = new ArrayList<>();
        for (FunnelStage stage : report.stages()) {
            rows.add(List.of(stage.status(), String.valueOf(stage.count()), money(stage.value())));
            bars.add(new ReportTable.Bar(stage.status(), stage.count()));
        }
        return new ReportTable("funnel", "Sales funnel", period(report.from(), report.to())
                + (report.conversionRate() == null ? "" : ", conversion " + rate(report.conversionRate())),
                List.of("status", "leads", "value"), rows, bars);
    }

    public static ReportTable revenue(Reports.Revenue report) {
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.Bar> bars = new ArrayList<>();
        for (Reports.RevenuePoint point : report.points()) {
            rows.add(List.of(point.period(), report.currency(), point.amount()));
            bars.add(new ReportTable.Bar(point.period(), Double.parseDouble(point.amount())));
        }
        return new ReportTable("revenue", "Revenue (" + report.currency() + ", by " + report.granularity() + ")",
                period(report.from(), report.to()) + ", total " + report.currency() + " " + report.total(),
                List.of(report.granularity(), "currency", "amount"), rows, bars);
    }

    private static String period(Instant from, Instant to) {
        return "Period: " + from + " to " + to;
    }

    private static String rate(Double rate) {
        return rate == null ? "" : String.format("%.1f %%", rate * 100);
    }

    private static String money(List<Money> amounts) {
        return amounts.stream().map(m -> m.currency() + " " + m.amount()).collect(Collectors.joining("; "));
    }
}

package org.opencrm.reporting.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opencrm.reporting.domain.FunnelStage;
import org.opencrm.reporting.domain.Money;
import org.opencrm.reporting.domain.SalesPerformanceRow;

/** The fixed reports as tables for CSV and PDF. */
public final class ReportTables {

    /** A stage of the funnel and the statuses of the leads that reached it. */
    private record FunnelStep(String label, Set<String> statuses) {
    }

    private static final List<FunnelStep> FUNNEL = List.of(
            new FunnelStep("Created", Set.of("NEW", "IN_PROGRESS", "CLOSED_WON", "CLOSED_LOST")),
            new FunnelStep("Worked on", Set.of("IN_PROGRESS", "CLOSED_WON", "CLOSED_LOST")),
            new FunnelStep("Closed", Set.of("CLOSED_WON", "CLOSED_LOST")),
            new FunnelStep("Won", Set.of("CLOSED_WON")));

    private ReportTables() {
    }

    public static ReportTable salesPerformance(Reports.SalesPerformance report) {
        List<String> currencies = currenciesOf(report.rows().stream().map(SalesPerformanceRow::revenue));
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.Bar> bars = new ArrayList<>();
        for (SalesPerformanceRow row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.displayName(), String.valueOf(row.leadsAssigned()),
                    String.valueOf(row.won()), String.valueOf(row.lost()), rate(row.winRate())));
            cells.addAll(amountsIn(currencies, row.revenue()));
            cells.add(row.averageDaysToClose() == null ? "" : String.format("%.1f", row.averageDaysToClose()));
            rows.add(cells);
            bars.add(new ReportTable.Bar(row.displayName(), row.won()));
        }
        List<String> header = new ArrayList<>(List.of("user", "leads assigned", "won", "lost", "win rate"));
        currencies.forEach(currency -> header.add("revenue " + currency));
        header.add("average days to close");
        return new ReportTable("sales-performance", "Sales performance", period(report.from(), report.to()), header,
                rows, bars);
    }

    /**
     * The funnel as the web UI draws it: each stage holds the leads of the period that reached it (by their status
     * now), so the next stage lies inside it; their value per currency, a column each.
     */
    public static ReportTable funnel(Reports.Funnel report) {
        List<List<FunnelStage>> reached = FUNNEL.stream()
            .map(step -> report.stages().stream().filter(stage -> step.statuses().contains(stage.status())).toList())
            .toList();
        List<String> currencies = currenciesOf(report.stages().stream().map(FunnelStage::value));
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.Bar> bars = new ArrayList<>();
        for (int i = 0; i < FUNNEL.size(); i++) {
            long count = reached.get(i).stream().mapToLong(FunnelStage::count).sum();
            List<String> cells = new ArrayList<>(List.of(FUNNEL.get(i).label(), String.valueOf(count)));
            cells.addAll(amountsIn(currencies, sum(reached.get(i).stream().map(FunnelStage::value))));
            rows.add(cells);
            bars.add(new ReportTable.Bar(FUNNEL.get(i).label(), count));
        }
        List<String> header = new ArrayList<>(List.of("stage", "leads"));
        currencies.forEach(currency -> header.add("value " + currency));
        return new ReportTable("funnel", "Sales funnel", period(report.from(), report.to())
                + (report.conversionRate() == null ? "" : ", conversion " + rate(report.conversionRate())),
                header, rows, bars);
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

    /** The currencies of a report's amounts, alphabetically: a column each, so a spreadsheet can add them up. */
    private static List<String> currenciesOf(Stream<List<Money>> amounts) {
        return amounts.flatMap(List::stream).map(Money::currency).distinct().sorted().toList();
    }

    /** One cell per currency: the amount in it, or empty. */
    private static List<String> amountsIn(List<String> currencies, List<Money> amounts) {
        Map<String, String> byCurrency = amounts.stream().collect(Collectors.toMap(Money::currency, Money::amount));
        return currencies.stream().map(currency -> byCurrency.getOrDefault(currency, "")).toList();
    }

    private static List<Money> sum(Stream<List<Money>> amounts) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        amounts.flatMap(List::stream)
            .forEach(money -> totals.merge(money.currency(), new BigDecimal(money.amount()), BigDecimal::add));
        return totals.entrySet().stream().map(total -> Money.of(total.getKey(), total.getValue())).toList();
    }
}

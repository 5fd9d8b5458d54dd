package org.opencrm.reporting.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.opencrm.platform.security.RecordAccess;
import org.opencrm.reporting.config.ReportingProperties;
import org.opencrm.reporting.domain.CompiledQuery;
import org.opencrm.reporting.domain.DashboardFigures;
import org.opencrm.reporting.domain.FunnelStage;
import org.opencrm.reporting.domain.Granularity;
import org.opencrm.reporting.domain.InvalidReportException;
import org.opencrm.reporting.domain.Money;
import org.opencrm.reporting.domain.Period;
import org.opencrm.reporting.domain.QueryDefinition;
import org.opencrm.reporting.domain.QueryRow;
import org.opencrm.reporting.domain.Rates;
import org.opencrm.reporting.domain.ReportQueries;
import org.opencrm.reporting.domain.Statistics;
import org.opencrm.reporting.domain.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The statistics, each counted with the caller's record-level rule (the permission table's own-records). */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern USER_ID = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    private final Statistics statistics;
    private final ReportQueries queries;
    private final RecordAccess recordAccess;
    private final ReportingProperties properties;
    private final Clock clock;
    private final DashboardFiguresCache dashboards;

    public ReportService(Statistics statistics, ReportQueries queries, RecordAccess recordAccess,
            ReportingProperties properties, Clock clock, DashboardFiguresCache dashboards) {
        this.dashboards = dashboards;
        this.statistics = statistics;
        this.queries = queries;
        this.recordAccess = recordAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whose records the current request may count: all, or a sales user's own. */
    public Viewer viewer() {
        return new Viewer(recordAccess.ownerOnly());
    }

    public Reports.Dashboard dashboard(String from, String to) {
        return dashboard(viewer(), Period.parse(from, to, clock, ""));
    }

    /** The dashboard of the current month as {@code viewer} sees it (the live stream's, outside a request). */
    public Reports.Dashboard dashboardOf(Viewer viewer) {
        return dashboard(viewer, Period.parse(null, null, clock, ""));
    }

    private Reports.Dashboard dashboard(Viewer viewer, Period period) {
        Instant now = clock.instant();
        Instant endOfToday = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay()
            .toInstant(ZoneOffset.UTC);
        DashboardFigures figures = dashboards.get(viewer, period, endOfToday,
                () -> statistics.dashboard(viewer, period, endOfToday));
        return new Reports.Dashboard(figures.customers(), figures.newCustomers(), figures.openLeads(),
                figures.pipelineValue(), figures.revenue(), figures.wonLeads(), figures.lostLeads(),
                figures.conversionRate(), figures.followUpsDue(), period.from(), period.to(), now);
    }

    public Reports.SalesPerformance salesPerformance(String from, String to, String userId) {
        Period period = Period.parse(from, to, clock, "");
        if (userId != null && !USER_ID.matcher(userId).matches()) {
            throw new InvalidReportException("userId", "must be a user's id of at most 255 characters");
        }
        return new Reports.SalesPerformance(period.from(), period.to(),
                statistics.salesPerformance(viewer(), period, userId));
    }

    public Reports.Funnel funnel(String from, String to) {
        Period period = Period.parse(from, to, clock, "");
        List<FunnelStage> stages = statistics.funnel(viewer(), period);
        long won = stages.stream().filter(s -> s.status().equals("CLOSED_WON")).mapToLong(FunnelStage::count).sum();
        long lost = stages.stream().filter(s -> s.status().equals("CLOSED_LOST")).mapToLong(FunnelStage::count).sum();
        return new Reports.Funnel(period.from(), period.to(), stages, Rates.of(won, won + lost));
    }

    public Reports.Revenue revenue(String granularityName, String currency, String from, String to) {
        Period period = Period.parse(from, to, clock, "");
        Granularity granularity = Granularity.parse(granularityName == null ? "day" : granularityName,
                "granularity");
        long count = granularity.periods(period, "granularity");
        Viewer viewer = viewer();
        List<String> moved = statistics.revenueCurrencies(viewer, period);
        String chosen = currency(currency, moved);
        Map<LocalDate, BigDecimal> series = statistics.revenueSeries(viewer, period, granularity, chosen);
        List<Reports.RevenuePoint> points = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        LocalDate start = granularity.start(period.from());
        for (long i = 0; i < count; i++, start = granularity.next(start)) {
            BigDecimal amount = series.getOrDefault(start, BigDecimal.ZERO);
            total = total.add(amount);
            points.add(new Reports.RevenuePoint(start.toString(), Money.plain(chosen, amount)));
        }
        return new Reports.Revenue(chosen, granularity.sqlUnit(), period.from(), period.to(), points,
                Money.plain(chosen, total), moved);
    }

    /** The one asked for; else the default currency when money moved in it or in none; else the first that moved. */
    private String currency(String currency, List<String> moved) {
        if (currency != null) {
            if (!CURRENCY.matcher(currency).matches()) {
                throw new InvalidReportException("currency", "must be an ISO 4217 code such as EUR");
            }
            return currency;
        }
        return moved.isEmpty() || moved.contains(properties.defaultCurrency()) ? properties.defaultCurrency()
                : moved.get(0);
    }

    public CompiledQuery compile(QueryDefinition definition) {
        return queries.compile(definition, "");
    }

    /** A widget's rows, at most {@code crm.reports.max-query-rows} of them (an export has them all). */
    public Reports.QueryResult query(QueryDefinition definition) {
        CompiledQuery query = queries.compile(definition, "");
        List<QueryRow> rows = new ArrayList<>();
        queries.stream(query, viewer(), properties.maxQueryRows() + 1, row -> {
            if (rows.size() == properties.maxQueryRows()) {
                // stops reading the cursor: nothing beyond the limit is fetched or kept
                throw new InvalidReportException("groupBy", "more than " + properties.maxQueryRows()
                        + " groups; filter further or export the rows as CSV");
            }
            rows.add(row);
        });
        return new Reports.QueryResult(definition.groupBy(), rows);
    }

    /** Every row of the query, straight from a database cursor to {@code rows}, in the caller's thread. */
    public void streamQuery(CompiledQuery query, Viewer viewer, Consumer<QueryRow> rows) {
        queries.allowInThisTransaction(properties.exportStatementTimeout());
        queries.stream(query, viewer, properties.exportFetchSize(), rows);
    }
}

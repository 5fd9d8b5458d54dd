package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fixed reports, computed from the read models with the viewer's record-level rule in every query. */
@Repository
public class Statistics {

    static final String OPEN = "l.status in ('NEW', 'IN_PROGRESS')";

    private static final String CUSTOMERS = """
            select count(*), count(*) filter (where created_at >= :from and created_at < :to) from customer_fact
            where created_at is not null and not deleted and not purged""";

    private static final String KEPT_CUSTOMERS = """
            select coalesce(sum(customers), 0), coalesce(sum(customers) filter (where day >= :from and day < :to), 0)
            from customer_rollup""";

    private final JdbcClient jdbc;
    private final UserNames names;

    public Statistics(JdbcClient jdbc, UserNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** The headline figures, the lead and customer counts from the kept counts when the period is whole days. */
    public DashboardFigures dashboard(Viewer viewer, Period period, Instant endOfToday) {
        return dashboard(viewer, period, endOfToday, KeptCounts.answer(period));
    }

    DashboardFigures dashboard(Viewer viewer, Period period, Instant endOfToday, boolean kept) {
        Map<String, Object> params = params(viewer, period);
        params.put("endOfToday", utc(endOfToday));
        long[] customers = jdbc.sql(kept ? KEPT_CUSTOMERS : CUSTOMERS)
            .params(params).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
        long[] leads = kept ? keptLeads(viewer, params) : jdbc.sql("""
                select count(*) filter (where %s),
                  count(*) filter (where l.status = 'CLOSED_WON' and l.closed_at >= :from and l.closed_at < :to),
                  count(*) filter (where l.status = 'CLOSED_LOST' and l.closed_at >= :from and l.closed_at < :to)
                from lead_fact l where not l.deleted and l.status is not null""".formatted(OPEN)
                + Visibility.leads(viewer, "l"))
            .params(params).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
        String pipelineSql = kept
                ? "select l.currency, sum(l.value_sum) from lead_rollup l where " + OPEN + " and l.currency is not null"
                        + Visibility.leads(viewer, "l") + " group by l.currency having sum(l.valued) > 0"
                        + " order by l.currency"
                : "select l.currency, sum(l.value) from lead_fact l where not l.deleted and " + OPEN
                        + " and l.value is not null and l.currency is not null" + Visibility.leads(viewer, "l")
                        + " group by l.currency order by l.currency";
        List<Money> pipeline = jdbc.sql(pipelineSql)
            .params(params).query((rs, n) -> Money.of(rs.getString(1), rs.getBigDecimal(2))).list();
        // the kept open follow-ups are per day due: whole days, as the end of today is
        boolean keptFollowUps = kept && new Period(endOfToday.minusSeconds(86_400), endOfToday).wholeDays();
        long followUpsDue = jdbc.sql(keptFollowUps
                ? "select coalesce(sum(f.follow_ups), 0) from follow_up_rollup f where f.day < :endOfToday"
                        + KeptCounts.followUpsVisible(viewer, "f")
                : "select count(*) from follow_up_fact f where f.status = 'OPEN' and f.due_at < :endOfToday"
                        + Visibility.followUps(viewer, "f") + Visibility.notPurged("f.customer_id"))
            .params(params).query(Long.class).single();
        return new DashboardFigures(customers[0], customers[1], leads[0], pipeline, revenue(viewer, period, kept),
                leads[1], leads[2], followUpsDue);
    }

    private long[] keptLeads(Viewer viewer, Map<String, Object> params) {
        long open = jdbc.sql("select coalesce(sum(l.leads), 0) from lead_rollup l where " + OPEN
                + Visibility.leads(viewer, "l")).params(params).query(Long.class).single();
        long[] closed = jdbc.sql("""
                select coalesce(sum(l.leads) filter (where l.status = 'CLOSED_WON'), 0),
                  coalesce(sum(l.leads) filter (where l.status = 'CLOSED_LOST'), 0)
                from lead_close_rollup l where l.day >= :from and l.day < :to""" + Visibility.leads(viewer, "l"))
            .params(params).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
        return new long[] { open, closed[0], closed[1] };
    }

    /**
     * Completed payments minus refunds in the period, per currency, by the time the money moved; from the kept revenue
     * when the period is whole days.
     */
    public List<Money> revenue(Viewer viewer, Period period) {
        return revenue(viewer, period, KeptCounts.answer(period));
    }

    List<Money> revenue(Viewer viewer, Period period, boolean kept) {
        return jdbc.sql("select currency, sum(amount) from (" + movements(viewer, null, kept) + ") m group by currency"
                + " order by currency")
            .params(params(viewer, period)).query((rs, n) -> Money.of(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    /** The currencies money moved in during the period, as the viewer sees it. */
    public List<String> revenueCurrencies(Viewer viewer, Period period) {
        return revenueCurrencies(viewer, period, KeptCounts.answer(period));
    }

    List<String> revenueCurrencies(Viewer viewer, Period period, boolean kept) {
        return jdbc.sql("select distinct currency from (" + movements(viewer, null, kept) + ") m order by currency")
            .params(params(viewer, period)).query(String.class).list();
    }

    /** Net revenue of one currency per period start, periods without money left out (the caller zero-fills). */
    public Map<LocalDate, BigDecimal> revenueSeries(Viewer viewer, Period period, Granularity granularity,
            String currency) {
        return revenueSeries(viewer, period, granularity, currency, KeptCounts.answer(period));
    }

    Map<LocalDate, BigDecimal> revenueSeries(Viewer viewer, Period period, Granularity granularity, String currency,
            boolean kept) {
        Map<String, Object> params = params(viewer, period);
        params.put("currency", currency);
        Map<LocalDate, BigDecimal> series = new TreeMap<>();
        jdbc.sql("select cast(date_trunc('" + granularity.sqlUnit() + "', at at time zone 'UTC') as date), sum(amount)"
                + " from (" + movements(viewer, "currency", kept) + ") m group by 1")
            .params(params)
            .query((ResultSet rs) -> {
                series.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
            });
        return series;
    }

    /** Per assignee: the leads from the facts (days to close are not kept), revenue kept when the period is whole days. */
    public List<SalesPerformanceRow> salesPerformance(Viewer viewer, Period period, String userId) {
        return salesPerformance(viewer, period, userId, KeptCounts.answer(period));
    }

    List<SalesPerformanceRow> salesPerformance(Viewer viewer, Period period, String userId, boolean kept) {
        Map<String, Object> params = params(viewer, period);
        String onlyUser = userId == null ? "" : " and l.assignee = :userId";
        params.put("userId", userId);
        Map<String, SalesPerformanceRow> rows = new LinkedHashMap<>();
        jdbc.sql("""
                select l.assignee,
                  count(*) filter (where l.created_at >= :from and l.created_at < :to),
                  count(*) filter (where l.status = 'CLOSED_WON' and l.closed_at >= :from and l.closed_at < :to),
                  count(*) filter (where l.status = 'CLOSED_LOST' and l.closed_at >= :from and l.closed_at < :to),
                  avg(extract(epoch from l.closed_at - l.created_at) / 86400.0) filter (where l.closed_at >= :from
                      and l.closed_at < :to and l.created_at is not null)
                from lead_fact l where not l.deleted and l.assignee is not null and l.status is not null"""
                + Visibility.leads(viewer, "l") + onlyUser + """
                 group by l.assignee
                having count(*) filter (where (l.created_at >= :from and l.created_at < :to)
                    or (l.closed_at >= :from and l.closed_at < :to)) > 0""")
            .params(params)
            .query((ResultSet rs) -> {
                String user = rs.getString(1);
                BigDecimal days = rs.getBigDecimal(5);
                rows.put(user, SalesPerformanceRow.of(user, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        new ArrayList<>(), days == null ? null : days.doubleValue()));
            });
        jdbc.sql("select owner, currency, sum(amount) from (" + attributedMovements(kept) + ") m"
                + " where owner is not null" + (viewer.limited() ? " and owner = :viewer" : "")
                + (userId == null ? "" : " and owner = :userId") + " group by owner, currency order by owner, currency")
            .params(params)
            .query((ResultSet rs) -> {
                String user = rs.getString(1);
                rows.computeIfAbsent(user, u -> SalesPerformanceRow.of(u, 0, 0, 0, new ArrayList<>(), null))
                    .revenue().add(Money.of(rs.getString(2), rs.getBigDecimal(3)));
            });
        Map<String, String> known = names.of(rows.keySet());
        return rows.values().stream().map(row -> row.named(known.get(row.userId())))
            .sorted(Comparator.comparing((SalesPerformanceRow row) -> row.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(SalesPerformanceRow::userId))
            .toList();
    }

    /** The leads created in the period by status, from the kept counts when the period is whole days. */
    public List<FunnelStage> funnel(Viewer viewer, Period period) {
        return funnel(viewer, period, KeptCounts.answer(period));
    }

    List<FunnelStage> funnel(Viewer viewer, Period period, boolean kept) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, List<Money>> values = new HashMap<>();
        String sql = kept
                ? "select l.status, l.currency, sum(l.leads), case when sum(l.valued) > 0 then sum(l.value_sum) end"
                        + " from lead_rollup l where l.day >= :from and l.day < :to"
                : "select l.status, l.currency, count(*), sum(l.value) from lead_fact l where not l.deleted"
                        + " and l.status is not null and l.created_at >= :from and l.created_at < :to";
        jdbc.sql(sql + Visibility.leads(viewer, "l") + " group by l.status, l.currency order by l.currency")
            .params(params(viewer, period))
            .query((ResultSet rs) -> {
                String status = rs.getString(1);
                counts.merge(status, rs.getLong(3), Long::sum);
                BigDecimal sum = rs.getBigDecimal(4);
                if (rs.getString(2) != null && sum != null) {
                    values.computeIfAbsent(status, s -> new ArrayList<>()).add(Money.of(rs.getString(2), sum));
                }
            });
        return List.of("NEW", "IN_PROGRESS", "CLOSED_WON", "CLOSED_LOST").stream()
            .map(status -> new FunnelStage(status, counts.getOrDefault(status, 0L),
                    values.getOrDefault(status, List.of())))
            .toList();
    }

    /** Money in (completed payments) and out (refunds) in the period, visible to the viewer: currency, amount, at. */
    private static String movements(Viewer viewer, String onlyCurrency, boolean kept) {
        String currency = onlyCurrency == null ? "" : " and %s.currency = :currency";
        if (kept) {
            return "select k.currency, k.amount, k.day as at from revenue_rollup k where k.day >= :from and k.day < :to"
                    + currency.formatted("k") + KeptCounts.paymentsVisible(viewer, "k");
        }
        return "select p.currency, p.amount, p.paid_at as at from payment_fact p where p.amount is not null"
                + " and p.paid_at >= :from and p.paid_at < :to" + currency.formatted("p")
                + Visibility.payments(viewer, "p.customer_id", "p.lead_id")
                + " union all select r.currency, -r.amount, r.refunded_at from refund_fact r"
                + " where r.refunded_at >= :from and r.refunded_at < :to" + currency.formatted("r")
                + Visibility.payments(viewer, "r.customer_id", "r.lead_id");
    }

    /** The same movements, each attributed to a user: its lead's assignee, else its customer's owner. */
    private static String attributedMovements(boolean kept) {
        if (kept) {
            return "select coalesce(k.assignee, k.owner_id) as owner, k.currency, k.amount from revenue_rollup k"
                    + " where k.day >= :from and k.day < :to";
        }
        return "select coalesce(ml.assignee, mc.owner_id) as owner, m.currency, m.amount from ("
                + "select p.customer_id, p.lead_id, p.currency, p.amount from payment_fact p where p.amount is not null"
                + " and p.paid_at >= :from and p.paid_at < :to"
                + " union all select r.customer_id, r.lead_id, r.currency, -r.amount from refund_fact r"
                + " where r.refunded_at >= :from and r.refunded_at < :to) m"
                + " left join lead_fact ml on ml.id = m.lead_id left join customer_fact mc on mc.id = m.customer_id";
    }

    private static Map<String, Object> params(Viewer viewer, Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", utc(period.from()));
        params.put("to", utc(period.to()));
        params.put("viewer", viewer.ownerOnly().orElse(null));
        return params;
    }
}

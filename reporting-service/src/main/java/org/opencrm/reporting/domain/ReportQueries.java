package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.opencrm.platform.persistence.LongReads;
import org.opencrm.reporting.domain.InvalidReportException.FieldProblem;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;

/**
 * Validates a widget's {@link QueryDefinition} against its dataset and turns it into one SQL statement built only from
 * the dataset's own fragments (what the user sent is a parameter, never SQL), with the viewer's rule in it. Time
 * dimensions are zero-filled by the database (generate_series), so that rows stream from a cursor in order.
 */
@Repository
public class ReportQueries {

    static final Set<String> FUNCTIONS = Set.of("count", "sum", "average");
    static final Set<String> TIME_DIMENSIONS = Set.of("day", "week", "month");
    static final int MAX_IN_VALUES = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ReportQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The checked query, or every problem of the definition at once (paths after {@code prefix}). */
    public CompiledQuery compile(QueryDefinition definition, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (definition == null) {
            throw new InvalidReportException(prefix.isEmpty() ? "dataset" : prefix, "a query definition is required");
        }
        Optional<Dataset> named = Dataset.named(definition.dataset());
        if (named.isEmpty()) {
            throw new InvalidReportException(prefix + "dataset", "unknown dataset " + quoted(definition.dataset())
                    + "; one of customers, leads, payments, activities, follow-ups");
        }
        Dataset dataset = named.get();
        String function = definition.metric() == null ? null : definition.metric().function();
        String field = definition.metric() == null ? null : definition.metric().field();
        if (!FUNCTIONS.contains(function)) {
            problems.add(new FieldProblem(prefix + "metric.function", "unknown function " + quoted(function)
                    + "; one of count, sum, average"));
        }
        else if (!"count".equals(function) && field == null) {
            problems.add(new FieldProblem(prefix + "metric.field", function + " needs a field"
                    + (dataset.moneyField == null ? "; " + dataset.label + " have none to " + function
                            : ": " + dataset.moneyField)));
        }
        if (field != null && !field.equals(dataset.moneyField)) {
            problems.add(new FieldProblem(prefix + "metric.field", "unknown field " + quoted(field) + " of "
                    + dataset.label + (dataset.moneyField == null ? "" : "; it has " + dataset.moneyField)));
        }
        String groupBy = definition.groupBy();
        if (groupBy != null && !TIME_DIMENSIONS.contains(groupBy) && !dataset.dimensions.containsKey(groupBy)) {
            problems.add(new FieldProblem(prefix + "groupBy", "unknown dimension " + quoted(groupBy) + " of "
                    + dataset.label + "; one of " + String.join(", ", dimensionNames(dataset))));
        }
        Period period = null;
        try {
            period = Period.parse(definition.from(), definition.to(), clock, prefix);
            if (groupBy != null && TIME_DIMENSIONS.contains(groupBy)) {
                Granularity.parse(groupBy, prefix + "groupBy").periods(period, prefix + "groupBy");
            }
        }
        catch (InvalidReportException ex) {
            problems.addAll(ex.problems());
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        StringBuilder keptWhere = new StringBuilder();
        List<QueryDefinition.Filter> filters = definition.filters() == null ? List.of() : definition.filters();
        if (filters.size() > 20) {
            problems.add(new FieldProblem(prefix + "filters", "at most 20 filters"));
        }
        for (int i = 0; i < filters.size() && i < 20; i++) {
            Condition condition = filter(dataset, filters.get(i), prefix + "filters[" + i + "]", "f" + i, params,
                    problems);
            if (condition != null) {
                where.append(" and ").append(condition.facts());
                if (condition.kept() != null) {
                    keptWhere.append(" and ").append(condition.kept());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        boolean byOwner = "owner".equals(groupBy) || filters.stream().anyMatch(f -> "owner".equals(f.field()));
        boolean byTag = "tag".equals(groupBy) || filters.stream().anyMatch(f -> "tag".equals(f.field()));
        boolean keptColumnsOnly = filters.stream().noneMatch(f -> f.field().equals(dataset.moneyField))
                && (!byTag || KeptCounts.answerTags(groupBy, filters));
        return new CompiledQuery(dataset, "count".equals(function) ? null : function, groupBy, where.toString(),
                keptWhere.toString(), params, period, byOwner, byTag, keptColumnsOnly);
    }

    /**
     * Lets the statements of the current transaction run this long (the pool's timeout is for interactive reads), and
     * without JIT compilation: the planner guesses 100 tags per customer, so a million customers look costly enough to
     * compile for, which took 7 to 12 of an export's seconds before its first row (./crm bench reports, EXPLAIN
     * ANALYZE), more than compiling saved.
     */
    public void allowInThisTransaction(Duration timeout) {
        LongReads.allowInThisTransaction(jdbc.getJdbcTemplate(), timeout);
        jdbc.getJdbcTemplate().execute("set local jit = off");
    }

    /**
     * Streams the rows, in order, to {@code rows}: nothing is collected here. Counted from the kept counts when they
     * answer the query alike, else from the facts.
     */
    public void stream(CompiledQuery query, Viewer viewer, int fetchSize, Consumer<QueryRow> rows) {
        stream(query, viewer, fetchSize, rows, KeptCounts.answer(query));
    }

    void stream(CompiledQuery query, Viewer viewer, int fetchSize, Consumer<QueryRow> rows, boolean kept) {
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("from", utc(query.period().from()));
        params.put("to", utc(query.period().to()));
        params.put("last", utc(query.period().to().minusNanos(1000)));
        params.put("viewer", viewer.ownerOnly().orElse(null));
        LongReads.fetching(jdbc.getJdbcTemplate().getDataSource(), fetchSize).query(sql(query, viewer, kept), params,
                (ResultSet rs) -> rows.accept(row(query, rs)));
    }

    private static QueryRow row(CompiledQuery query, ResultSet rs) throws SQLException {
        String key = query.groupBy() == null ? null : rs.getString(1);
        String label = query.labelled() ? rs.getString(4) : null;
        String currency = query.money() ? rs.getString(2) : null;
        Object value;
        if (!query.money()) {
            value = rs.getLong(3);
        }
        else {
            BigDecimal amount = rs.getBigDecimal(3);
            value = amount == null ? null : Money.plain(currency, amount.setScale(6, RoundingMode.HALF_EVEN));
        }
        return new QueryRow(key, label, currency, value);
    }

    static String sql(CompiledQuery query, Viewer viewer, boolean kept) {
        Dataset dataset = query.dataset();
        String aggregate = kept ? KeptCounts.aggregate(dataset, query.function())
                : query.function() == null ? "count(*)"
                        : ("sum".equals(query.function()) ? "sum(" : "avg(") + dataset.money + ")";
        String currency = query.money() ? dataset.currency : "cast(null as varchar)";
        String from = kept ? KeptCounts.from(query)
                : dataset.from + ("tag".equals(query.groupBy()) ? Dataset.TAG_JOIN : "");
        String time = kept ? KeptCounts.time(dataset) : dataset.time;
        String where = " where " + (kept ? "true" + query.keptWhere() : dataset.where + query.where()) + " and "
                + time + " >= :from and "
                + time + " < :to" + dataset.visibility(viewer) + ownGroupOnly(query, viewer);
        if (query.groupBy() == null) {
            return "select cast(null as varchar), " + currency + ", " + aggregate + " from " + from + where
                    + (query.money() ? " and " + dataset.currency + " is not null group by 2 order by 2" : "");
        }
        if (TIME_DIMENSIONS.contains(query.groupBy())) {
            String unit = query.groupBy();
            String agg = "select date_trunc('" + unit + "', " + time + " at time zone 'UTC') as k, " + currency
                    + " as currency, " + aggregate + " as v from " + from + where + " group by 1, 2";
            String periods = "select generate_series(date_trunc('" + unit + "', cast(:from as timestamptz) at time zone"
                    + " 'UTC'), cast(:last as timestamptz) at time zone 'UTC', interval '1 " + unit + "') as k";
            if (!query.money()) {
                return "with agg as (" + agg + "), periods as (" + periods + ") select to_char(p.k, 'YYYY-MM-DD'),"
                        + " cast(null as varchar), coalesce(a.v, 0) from periods p left join agg a on a.k = p.k"
                        + " order by p.k";
            }
            String fill = "sum".equals(query.function()) ? "coalesce(a.v, 0)" : "a.v";
            return "with agg as (" + agg + "), periods as (" + periods + "), currencies as (select distinct currency"
                    + " from agg where currency is not null) select to_char(p.k, 'YYYY-MM-DD'), c.currency, " + fill
                    + " from periods p cross join currencies c left join agg a on a.k = p.k and a.currency ="
                    + " c.currency order by p.k, c.currency";
        }
        String key = kept ? KeptCounts.key(dataset, query.groupBy()) : dataset.dimensions.get(query.groupBy());
        String grouped = "select " + key + " as k, " + currency + " as c, " + aggregate + " as v from " + from + where
                + (query.money() ? " and " + dataset.currency + " is not null" : "") + " group by 1, 2";
        if (query.labelled()) {
            return "select g.k, g.c, g.v, u.name from (" + grouped + ") g left join user_name u on u.user_id = g.k"
                    + " order by 1 nulls last, 2";
        }
        return grouped + " order by 1 nulls last, 2";
    }

    /**
     * A sales user may see a record that is attributed to someone else (a payment of their customer on a colleague's
     * lead, a follow-up on their lead assigned to a colleague): grouped or filtered by owner, they see their own group
     * only, so that no widget names another user's figures.
     */
    private static String ownGroupOnly(CompiledQuery query, Viewer viewer) {
        Dataset dataset = query.dataset();
        if (!viewer.limited() || !query.byOwner() || dataset == Dataset.CUSTOMERS) {
            return "";
        }
        return " and " + dataset.dimensions.get("owner") + " = :viewer";
    }

    /**
     * A filter's condition on the facts and on the kept counts (the same but for tags; none for the money field, which
     * the kept counts never answer).
     */
    private record Condition(String facts, String kept) {
    }

    private static Condition filter(Dataset dataset, QueryDefinition.Filter filter, String path, String param,
            Map<String, Object> params, List<FieldProblem> problems) {
        if (filter == null) {
            problems.add(new FieldProblem(path, "a filter is required"));
            return null;
        }
        String field = filter.field();
        boolean money = field != null && field.equals(dataset.moneyField);
        if (!money && (field == null || !dataset.dimensions.containsKey(field))) {
            problems.add(new FieldProblem(path + ".field", "unknown field " + quoted(field) + " of " + dataset.label));
            return null;
        }
        String operator = filter.operator();
        if (!Set.of("eq", "in", "gte", "lte").contains(operator)) {
            problems.add(new FieldProblem(path + ".operator", "unknown operator " + quoted(operator)
                    + "; one of eq, in, gte, lte"));
            return null;
        }
        if (!money && !Set.of("eq", "in").contains(operator)) {
            problems.add(new FieldProblem(path + ".operator", field + " takes eq or in"));
            return null;
        }
        if (money && "in".equals(operator)) {
            problems.add(new FieldProblem(path + ".operator", field + " takes eq, gte or lte"));
            return null;
        }
        JsonNode value = filter.value();
        String comparison = switch (operator) {
            case "gte" -> ">= :" + param;
            case "lte" -> "<= :" + param;
            case "in" -> "in (:" + param + ")";
            default -> "= :" + param;
        };
        if (money) {
            BigDecimal number = decimal(value);
            if (number == null) {
                problems.add(new FieldProblem(path + ".value", field + " compares with a decimal number"));
                return null;
            }
            params.put(param, number);
            return new Condition(dataset.money + " " + comparison, null);
        }
        if ("in".equals(operator)) {
            List<String> values = new ArrayList<>();
            if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_IN_VALUES) {
                problems.add(new FieldProblem(path + ".value", "in takes a list of 1 to " + MAX_IN_VALUES + " texts"));
                return null;
            }
            for (JsonNode element : value) {
                if (!element.isString() || element.asString().length() > 255) {
                    problems.add(new FieldProblem(path + ".value", "in takes texts of at most 255 characters"));
                    return null;
                }
                values.add(element.asString());
            }
            params.put(param, values);
        }
        else {
            if (value == null || !value.isString() || value.asString().length() > 255) {
                problems.add(new FieldProblem(path + ".value", "eq takes a text of at most 255 characters"));
                return null;
            }
            params.put(param, value.asString());
        }
        return new Condition(dataset.categoricalFilter(field, comparison),
                KeptCounts.key(dataset, field) + " " + comparison);
    }

    private static BigDecimal decimal(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            String text = value.isNumber() ? value.asString() : value.isString() ? value.asString() : null;
            if (text == null || text.length() > 40) {
                return null;
            }
            BigDecimal number = new BigDecimal(text);
            return number.abs().compareTo(new BigDecimal("1e15")) < 0 ? number : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static List<String> dimensionNames(Dataset dataset) {
        List<String> names = new ArrayList<>(dataset.dimensions.keySet().stream().sorted().toList());
        names.addAll(List.of("day", "week", "month"));
        return names;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}

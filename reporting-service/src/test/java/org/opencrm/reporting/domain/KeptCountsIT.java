package org.opencrm.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.Envelopes;
import org.opencrm.reporting.support.Envelopes.Event;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kept counts answer every statistic routed to them exactly as the facts do: after a varied story (owners and
 * assignees changing, values and sources changing, leads closed, reopened and deleted, customers deleted, restored
 * and purged, tags added, removed, renamed and shared, a refund, events out of order and delivered twice), for everyone and for each sales user, every
 * dashboard, funnel and widget query counted from the kept counts equals the one counted from the facts; the kept
 * counts equal the facts grouped afresh; and the API (admin, manager, sales users) answers what the facts say.
 */
@ReportingIntegrationTest
class KeptCountsIT {

    /** Follow-ups of the story are due from here on: before today, whatever day the story plays on. */
    private static final Instant FOLLOW_UPS_FROM = Instant.parse("2000-01-01T00:00:00Z");

    private static final String[] STATUSES = { "NEW", "IN_PROGRESS", "CLOSED_WON", "CLOSED_LOST" };

    @LocalServerPort
    int port;

    @Autowired
    EventFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statistics statistics;

    @Autowired
    ReportQueries queries;

    @Test
    void answersFromKeptCountsWhatTheFactsAnswer() throws Exception {
        Caller admin = Api.signIn("admin");
        Caller manager = Api.signIn("manager");
        Caller sales1 = Api.signIn("sales1");
        Caller sales2 = Api.signIn("sales2");
        // whole days of their own, whatever else the database holds
        Instant day0 = Instant.parse("2401-01-01T00:00:00Z").plus((long) (Math.random() * 50 * 365), ChronoUnit.DAYS);
        Instant due = FOLLOW_UPS_FROM.plus((long) (Math.random() * 1000), ChronoUnit.DAYS);
        Period storyPeriod = new Period(day0.minus(Duration.ofDays(40)), day0.plus(Duration.ofDays(400)));
        List<Money> revenueBefore = statistics.revenue(Viewer.everything(), storyPeriod, true);
        List<String> dueBefore = dueOn(due);
        List<Event> story = story(day0, due, sales1.id(), sales2.id());
        List<Event> reversed = new ArrayList<>(story.subList(story.size() / 2, story.size()));
        Collections.reverse(reversed);
        for (Event event : story.subList(0, story.size() / 2)) {
            feed.send(event);
            feed.send(event); // a redelivery
        }
        for (Event event : reversed) {
            feed.send(event);
        }
        feed.awaitApplied(story);

        assertThat(kept("lead_rollup")).isEqualTo(grouped("""
                select date_trunc('day', created_at, 'UTC') as day, status, source, assignee, currency,
                  count(*) as leads, count(value) as valued, cast(coalesce(sum(value), 0) as numeric(24, 4)) as value_sum
                from lead_fact where not deleted and status is not null group by 1, 2, 3, 4, 5"""));
        assertThat(kept("lead_close_rollup")).isEqualTo(grouped("""
                select date_trunc('day', closed_at, 'UTC') as day, status, assignee, count(*) as leads
                from lead_fact where not deleted and status in ('CLOSED_WON', 'CLOSED_LOST') and closed_at is not null
                group by 1, 2, 3"""));
        assertThat(kept("customer_rollup")).isEqualTo(grouped("""
                select date_trunc('day', created_at, 'UTC') as day, owner_id, count(*) as customers
                from customer_fact where created_at is not null and not deleted and not purged group by 1, 2"""));
        assertThat(kept("customer_tag_rollup")).isEqualTo(grouped("""
                select t.tag, date_trunc('day', created_at, 'UTC') as day, owner_id, count(*) as customers
                from customer_fact cross join lateral jsonb_array_elements_text(tags) t(tag)
                where created_at is not null and not deleted and not purged group by 1, 2, 3"""));
        assertThat(kept("customer_tag_rollup")).as("the story's tags are kept").hasSizeGreaterThan(5);

        assertThat(kept("revenue_rollup")).isEqualTo(grouped("""
                select date_trunc('day', m.at, 'UTC') as day, m.currency, c.owner_id, l.assignee,
                  count(*) as movements, cast(sum(m.amount) as numeric(24, 4)) as amount
                from (select p.paid_at as at, p.currency, p.amount, p.customer_id, p.lead_id from payment_fact p
                      where p.amount is not null and p.paid_at is not null
                      union all select r.refunded_at, r.currency, -r.amount, r.customer_id, r.lead_id
                      from refund_fact r) m
                left join customer_fact c on c.id = m.customer_id left join lead_fact l on l.id = m.lead_id
                group by 1, 2, 3, 4"""));
        assertThat(kept("follow_up_rollup")).isEqualTo(grouped("""
                select date_trunc('day', f.due_at, 'UTC') as day, f.assignee, l.assignee as lead_assignee,
                  count(*) as follow_ups
                from follow_up_fact f left join customer_fact c on c.id = f.customer_id
                left join lead_fact l on l.id = f.lead_id
                where f.status = 'OPEN' and not coalesce(c.purged, false) group by 1, 2, 3"""));

        List<Period> periods = List.of(new Period(day0, day0.plus(Duration.ofDays(1))),
                new Period(day0, day0.plus(Duration.ofDays(31))),
                new Period(day0.minus(Duration.ofDays(40)), day0.plus(Duration.ofDays(400))));
        List<Viewer> viewers = List.of(Viewer.everything(), Viewer.onlyOf(sales1.id()), Viewer.onlyOf(sales2.id()));
        Instant endOfToday = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        int compared = 0;
        for (Viewer viewer : viewers) {
            for (Period period : periods) {
                DashboardFigures figures = statistics.dashboard(viewer, period, endOfToday, true);
                assertThat(figures).as("dashboard %s %s", viewer, period)
                    .isEqualTo(statistics.dashboard(viewer, period, endOfToday, false));
                assertThat(statistics.funnel(viewer, period, true)).as("funnel %s %s", viewer, period)
                    .isEqualTo(statistics.funnel(viewer, period, false));
                assertThat(statistics.revenueCurrencies(viewer, period, true)).as("currencies %s %s", viewer, period)
                    .isEqualTo(statistics.revenueCurrencies(viewer, period, false));
                for (Granularity granularity : Granularity.values()) {
                    for (String currency : List.of("EUR", "GBP", "USD")) {
                        assertThat(statistics.revenueSeries(viewer, period, granularity, currency, true))
                            .as("revenue %s %s %s %s", viewer, period, granularity, currency)
                            .isEqualTo(statistics.revenueSeries(viewer, period, granularity, currency, false));
                    }
                }
                assertThat(statistics.salesPerformance(viewer, period, null, true)).as("sales %s %s", viewer, period)
                    .isEqualTo(statistics.salesPerformance(viewer, period, null, false));
                for (QueryDefinition definition : widgets(period, sales1.id())) {
                    CompiledQuery query = queries.compile(definition, "");
                    assertThat(KeptCounts.answer(query)).as("%s", definition).isTrue();
                    assertThat(rows(query, viewer, true)).as("%s %s", viewer, definition)
                        .isEqualTo(rows(query, viewer, false));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(600);
        DashboardFigures mine = statistics.dashboard(Viewer.onlyOf(sales1.id()), periods.get(1), endOfToday, false);
        assertThat(mine.wonLeads()).isEqualTo(1);
        assertThat(mine.lostLeads()).isEqualTo(1);
        // the story's money: 1,200.50 - 100 + 500 - 500 (refunded in full) + 70 (a purged customer's) + 25 EUR, 80 GBP
        assertThat(added(revenueBefore, statistics.revenue(Viewer.everything(), storyPeriod, true)))
            .containsExactly("EUR 1195.5000", "GBP 80.0000");
        // its open follow-ups due: the one reassigned to sales1 on sales1's lead, the one moved to sales2's lead
        List<String> dueAfter = new ArrayList<>(dueOn(due));
        dueBefore.forEach(dueAfter::remove);
        assertThat(dueAfter).containsExactlyInAnyOrder(sales1.id() + " " + sales1.id(), "null " + sales2.id());

        // not answered from the kept counts: a value filter, tags among customers with a tag or of several tags (a
        // customer with two counts once), a period not of whole days
        Period whole = periods.get(1);
        assertThat(KeptCounts.answer(queries.compile(definition("leads", "count", null, whole,
                filter("value", "gte", JsonMapper.shared().valueToTree("100"))), ""))).isFalse();
        assertThat(KeptCounts.answer(queries.compile(definition("customers", "count", "tag", whole,
                filter("tag", "eq", JsonMapper.shared().valueToTree("vip"))), ""))).isFalse();
        assertThat(KeptCounts.answer(queries.compile(definition("customers", "count", "month", whole,
                filter("tag", "in", JsonMapper.shared().valueToTree(List.of("vip", "key")))), ""))).isFalse();
        assertThat(KeptCounts.answer(queries.compile(definition("customers", "count", null, whole,
                filter("tag", "eq", JsonMapper.shared().valueToTree("vip")),
                filter("tag", "eq", JsonMapper.shared().valueToTree("key"))), ""))).isFalse();
        for (QueryDefinition definition : List.of(
                definition("customers", "count", "tag", whole, filter("tag", "eq",
                        JsonMapper.shared().valueToTree("vip"))),
                definition("customers", "count", "month", whole, filter("tag", "in",
                        JsonMapper.shared().valueToTree(List.of("vip", "key")))))) {
            CompiledQuery query = queries.compile(definition, "");
            assertThat(rows(query, Viewer.everything(), false)).as("%s", definition).isNotEmpty();
        }
        assertThat(KeptCounts.answer(new Period(day0.plusSeconds(1), day0.plus(Duration.ofDays(1))))).isFalse();

        // the API, routed, answers what the facts say, each caller with their own rule
        Api api = new Api(port);
        Map<Caller, Viewer> callers = new LinkedHashMap<>();
        callers.put(admin, Viewer.everything());
        callers.put(manager, Viewer.everything());
        callers.put(sales1, Viewer.onlyOf(sales1.id()));
        callers.put(sales2, Viewer.onlyOf(sales2.id()));
        String range = "from=" + whole.from() + "&to=" + whole.to();
        for (Map.Entry<Caller, Viewer> caller : callers.entrySet()) {
            ObjectNode dashboard = (ObjectNode) api.json(caller.getKey(), "GET", "/api/v1/reports/dashboard?" + range,
                    null);
            DashboardFigures facts = statistics.dashboard(caller.getValue(), whole, endOfToday, false);
            assertThat(dashboard.get("openLeads").asLong()).isEqualTo(facts.openLeads());
            assertThat(dashboard.get("wonLeads").asLong()).isEqualTo(facts.wonLeads());
            assertThat(dashboard.get("lostLeads").asLong()).isEqualTo(facts.lostLeads());
            assertThat(dashboard.get("customers").asLong()).isEqualTo(facts.customers());
            assertThat(dashboard.get("newCustomers").asLong()).isEqualTo(facts.newCustomers());
            assertThat(money(dashboard.get("pipelineValue"))).isEqualTo(money(facts.pipelineValue()));
            assertThat(money(dashboard.get("revenue"))).isEqualTo(money(facts.revenue()));
            assertThat(dashboard.get("followUpsDue").asLong()).isEqualTo(facts.followUpsDue());
            JsonNode revenue = api.json(caller.getKey(), "GET", "/api/v1/reports/revenue?granularity=week&currency=EUR&"
                    + range, null);
            BigDecimal total = statistics.revenueSeries(caller.getValue(), whole, Granularity.WEEK, "EUR", false)
                .values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(revenue.get("total").asString())).isEqualByComparingTo(total);
            JsonNode funnel = api.json(caller.getKey(), "GET", "/api/v1/reports/funnel?" + range, null);
            List<FunnelStage> stages = statistics.funnel(caller.getValue(), whole, false);
            for (int i = 0; i < stages.size(); i++) {
                assertThat(funnel.get("stages").get(i).get("count").asLong()).isEqualTo(stages.get(i).count());
            }
            List<QueryDefinition> asked = new ArrayList<>();
            for (String groupBy : new String[] { "day", "status", "owner" }) {
                asked.add(definition("leads", "count", groupBy, whole));
            }
            asked.add(definition("customers", "count", "tag", whole));
            asked.add(definition("customers", "count", "owner", whole, filter("tag", "eq",
                    JsonMapper.shared().valueToTree("vip"))));
            for (QueryDefinition definition : asked) {
                JsonNode answer = api.json(caller.getKey(), "POST", "/api/v1/reports/query",
                        JsonMapper.shared().writeValueAsString(definition));
                List<String> expected = rows(queries.compile(definition, ""), caller.getValue(), false).stream()
                    .map(row -> row.key() + "=" + row.value()).toList();
                List<String> actual = new ArrayList<>();
                answer.get("rows").forEach(row -> actual.add((row.get("key").isNull() ? null
                        : row.get("key").asString()) + "=" + row.get("value")));
                assertThat(actual).as("%s %s", caller.getKey().id(), definition).isEqualTo(expected);
                HttpResponse<byte[]> csv = api.send(caller.getKey(), "POST", "/api/v1/reports/query/export?format=csv",
                        JsonMapper.shared().writeValueAsString(definition));
                assertThat(csv.statusCode()).isEqualTo(200);
                List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().skip(1).toList();
                assertThat(lines).as("CSV %s %s", caller.getKey().id(), definition).hasSize(expected.size());
            }
        }
    }

    /** Every widget query the kept counts answer, over the period. */
    private static List<QueryDefinition> widgets(Period period, String someone) {
        JsonNode openOnes = JsonMapper.shared().valueToTree(List.of("NEW", "IN_PROGRESS", "CLOSED_WON"));
        List<QueryDefinition.Filter> leadFilters = new ArrayList<>();
        leadFilters.add(null);
        leadFilters.add(filter("status", "in", openOnes));
        leadFilters.add(filter("owner", "eq", JsonMapper.shared().valueToTree(someone)));
        leadFilters.add(filter("source", "eq", JsonMapper.shared().valueToTree("WEB")));
        leadFilters.add(filter("currency", "in", JsonMapper.shared().valueToTree(List.of("EUR", "GBP"))));
        List<QueryDefinition> widgets = new ArrayList<>();
        for (String function : List.of("count", "sum", "average")) {
            for (String groupBy : new String[] { null, "day", "week", "month", "status", "source", "owner",
                    "currency" }) {
                for (QueryDefinition.Filter filter : leadFilters) {
                    widgets.add(filter == null ? definition("leads", function, groupBy, period)
                            : definition("leads", function, groupBy, period, filter));
                }
            }
        }
        for (String groupBy : new String[] { null, "day", "week", "month", "owner", "tag" }) {
            widgets.add(definition("customers", "count", groupBy, period));
            widgets.add(definition("customers", "count", groupBy, period,
                    filter("owner", "in", JsonMapper.shared().valueToTree(List.of(someone)))));
            if (!"tag".equals(groupBy)) {
                for (String tag : List.of("vip", "north", "south", "key", "none")) {
                    widgets.add(definition("customers", "count", groupBy, period,
                            filter("tag", "eq", JsonMapper.shared().valueToTree(tag))));
                    widgets.add(definition("customers", "count", groupBy, period,
                            filter("tag", "in", JsonMapper.shared().valueToTree(List.of(tag, tag))),
                            filter("owner", "eq", JsonMapper.shared().valueToTree(someone))));
                }
            }
        }
        return widgets;
    }

    private static QueryDefinition definition(String dataset, String function, String groupBy, Period period,
            QueryDefinition.Filter... filters) {
        return new QueryDefinition(dataset, new QueryDefinition.Metric(function,
                "count".equals(function) ? null : "value"), groupBy, List.of(filters), period.from().toString(),
                period.to().toString());
    }

    private static QueryDefinition.Filter filter(String field, String operator, JsonNode value) {
        return new QueryDefinition.Filter(field, operator, value);
    }

    private List<QueryRow> rows(CompiledQuery query, Viewer viewer, boolean kept) {
        List<QueryRow> rows = new ArrayList<>();
        queries.stream(query, viewer, 500, rows::add, kept);
        return rows;
    }

    private static List<String> money(List<Money> amounts) {
        return amounts.stream().map(m -> m.currency() + " " + m.amount()).toList();
    }

    private static List<String> money(JsonNode amounts) {
        List<String> texts = new ArrayList<>();
        amounts.forEach(m -> texts.add(m.get("currency").asString() + " " + m.get("amount").asString()));
        return texts;
    }

    /** The kept open follow-ups due on the day of {@code due}: "assignee leadAssignee", once per follow-up. */
    private List<String> dueOn(Instant due) {
        List<String> open = new ArrayList<>();
        jdbc.sql("select assignee, lead_assignee, follow_ups from follow_up_rollup where day = :day")
            .param("day", due.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
            .query((java.sql.ResultSet rs) -> {
                for (long i = 0; i < rs.getLong(3); i++) {
                    open.add(rs.getString(1) + " " + rs.getString(2));
                }
            });
        return open;
    }

    /** What was added to the money per currency, amounts as the database sums them. */
    private static List<String> added(List<Money> before, List<Money> after) {
        Map<String, BigDecimal> sums = new java.util.TreeMap<>();
        after.forEach(m -> sums.merge(m.currency(), new BigDecimal(m.amount()), BigDecimal::add));
        before.forEach(m -> sums.merge(m.currency(), new BigDecimal(m.amount()).negate(), BigDecimal::add));
        return sums.entrySet().stream().filter(e -> e.getValue().signum() != 0)
            .map(e -> e.getKey() + " " + e.getValue().setScale(4)).toList();
    }

    private List<String> kept(String table) {
        return jdbc.sql("select cast(row_to_json(t) as text) from " + table + " t order by 1").query(String.class)
            .list();
    }

    private List<String> grouped(String select) {
        return jdbc.sql("select cast(row_to_json(t) as text) from (" + select + ") t order by 1").query(String.class)
            .list();
    }

    /**
     * Two sales users' customers and leads over several days: reassignments both ways, value, source and currency
     * changes, a value removed, a lead lost and reopened, one won and reopened, one lost, one deleted, one never
     * assigned, one whose creation comes last, customers deleted, restored and purged, a payment with a refund; tags
     * shared by several customers, added, removed and renamed (last, so that these come in the half told backwards), on
     * a customer changing owner, on one deleted and restored, on one purged, on one whose creation never came.
     */
    private static List<Event> story(Instant day0, Instant due, String sales1, String sales2) {
        List<Event> events = new ArrayList<>();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        UUID c5 = UUID.randomUUID();
        Instant t = day0.plusSeconds(3600);
        Instant c1At = t;
        events.add(customer("customer.created", c1, t, Map.of("id", c1, "name", "A", "ownerId", sales1,
                "createdAt", t.toString(), "tags", List.of("north", "vip"))));
        events.add(customer("customer.created", c2, t = t.plus(Duration.ofDays(1)), Map.of("id", c2, "name", "B",
                "ownerId", sales2, "createdAt", t.toString(), "tags", List.of("vip"))));
        Instant c2At = t;
        events.add(customer("customer.owner-changed", c2, t.plusSeconds(60), Map.of("customerId", c2, "from", sales2,
                "to", sales1)));
        events.add(customer("customer.created", c3, t = t.plus(Duration.ofDays(2)), Map.of("id", c3, "name", "C",
                "ownerId", sales2, "createdAt", t.toString(), "tags", List.of("north"))));
        events.add(customer("customer.deleted", c3, t.plusSeconds(60), Map.of("id", c3, "name", "C")));
        events.add(customer("customer.created", c4, t, Map.of("id", c4, "name", "D", "ownerId", sales1,
                "createdAt", t.toString(), "tags", List.of("key", "vip"))));
        events.add(customer("customer.deleted", c4, t.plusSeconds(60), Map.of("id", c4, "name", "D")));
        events.add(customer("customer.restored", c4, t.plusSeconds(120), Map.of("customerId", c4, "name", "D")));
        events.add(customer("customer.created", c5, t, Map.of("id", c5, "name", "E", "ownerId", sales2,
                "createdAt", t.toString(), "tags", List.of("vip"))));
        Instant c4At = t;
        events.add(customer("customer.deleted", c5, t.plusSeconds(60), Map.of("id", c5, "name", "E")));
        events.add(customer("customer.purged", c5, t.plusSeconds(120), Map.of("customerId", c5)));

        Instant d = day0.plusSeconds(7200);
        UUID won = UUID.randomUUID();
        events.add(lead("lead.created", won, c1, d, Map.of("source", "WEB", "value", "1000.00", "currency", "EUR",
                "status", "NEW", "assignedTo", sales2)));
        events.add(lead("lead.assigned", won, c1, d.plusSeconds(60), Map.of("assignee", sales1)));
        events.add(lead("lead.updated", won, c1, d.plusSeconds(120), Map.of("source", "REFERRAL", "value", "1200.50",
                "currency", "EUR")));
        events.add(lead("lead.status-changed", won, c1, d.plusSeconds(180), Map.of("to", "IN_PROGRESS")));
        events.add(lead("lead.status-changed", won, c1, d.plus(Duration.ofDays(3)), Map.of("to", "CLOSED_WON")));

        UUID reopened = UUID.randomUUID();
        events.add(lead("lead.created", reopened, c2, d.plus(Duration.ofDays(1)), Map.of("source", "WEB",
                "value", "300", "currency", "USD", "status", "NEW", "assignedTo", sales1)));
        events.add(lead("lead.status-changed", reopened, c2, d.plus(Duration.ofDays(2)), Map.of("to", "CLOSED_LOST")));
        events.add(lead("lead.status-changed", reopened, c2, d.plus(Duration.ofDays(4)), Map.of("to", "IN_PROGRESS")));
        events.add(lead("lead.assigned", reopened, c2, d.plus(Duration.ofDays(5)), Map.of("assignee", sales2)));

        // won by mistake and reopened: sales1's one win stays the lead above
        UUID unwon = UUID.randomUUID();
        events.add(lead("lead.created", unwon, c1, d.plus(Duration.ofDays(1)), Map.of("source", "WEB",
                "value", "40", "currency", "EUR", "status", "NEW", "assignedTo", sales1)));
        events.add(lead("lead.status-changed", unwon, c1, d.plus(Duration.ofDays(2)), Map.of("to", "IN_PROGRESS")));
        events.add(lead("lead.status-changed", unwon, c1, d.plus(Duration.ofDays(3)), Map.of("to", "CLOSED_WON")));
        events.add(lead("lead.status-changed", unwon, c1, d.plus(Duration.ofDays(3)).plusSeconds(600),
                Map.of("to", "IN_PROGRESS")));

        UUID lost = UUID.randomUUID();
        events.add(lead("lead.created", lost, c2, d.plus(Duration.ofDays(1)), Map.of("source", "EVENT",
                "value", "75.25", "currency", "GBP", "status", "NEW", "assignedTo", sales1)));
        events.add(lead("lead.status-changed", lost, c2, d.plus(Duration.ofDays(6)), Map.of("to", "CLOSED_LOST")));

        UUID deleted = UUID.randomUUID();
        events.add(lead("lead.created", deleted, c1, d, Map.of("source", "WEB", "value", "999", "currency", "EUR",
                "status", "NEW", "assignedTo", sales1)));
        events.add(lead("lead.deleted", deleted, c1, d.plusSeconds(300), Map.of()));

        UUID nobodys = UUID.randomUUID();
        events.add(lead("lead.created", nobodys, c4, d.plus(Duration.ofDays(2)), Map.of("source", "PARTNER",
                "value", "50", "currency", "EUR", "status", "NEW")));
        events.add(lead("lead.updated", nobodys, c4, d.plus(Duration.ofDays(2)).plusSeconds(60), Map.of(
                "source", "PARTNER", "currency", "EUR")));

        UUID valueless = UUID.randomUUID();
        events.add(lead("lead.created", valueless, c1, d.plus(Duration.ofDays(9)), Map.of("source", "OTHER",
                "currency", "EUR", "status", "NEW", "assignedTo", sales2)));
        events.add(lead("lead.updated", valueless, c1, d.plus(Duration.ofDays(9)).plusSeconds(60), Map.of(
                "source", "OTHER", "value", "10", "currency", "GBP")));
        events.add(lead("lead.status-changed", valueless, c1, d.plus(Duration.ofDays(10)), Map.of("to", "CLOSED_WON")));

        UUID early = UUID.randomUUID();
        events.add(lead("lead.status-changed", early, c3, d.plus(Duration.ofDays(2)), Map.of("to", "IN_PROGRESS")));
        events.add(lead("lead.assigned", early, c3, d.plus(Duration.ofDays(2)), Map.of("assignee", sales2)));
        events.add(lead("lead.created", early, c3, d.minus(Duration.ofDays(20)), Map.of("source", "WEB",
                "value", "400", "currency", "EUR", "status", "NEW", "assignedTo", sales1)));

        UUID payment = UUID.randomUUID();
        Map<String, Object> paid = new HashMap<>(Map.of("paymentId", payment, "customerId", c1, "leadId", won,
                "currency", "EUR", "amount", "1200.50", "status", "PENDING", "method", "CARD"));
        events.add(Envelopes.of("payment.recorded", payment, d.plus(Duration.ofDays(3)), paid));
        paid.put("to", "COMPLETED");
        events.add(Envelopes.of("payment.status-changed", payment, d.plus(Duration.ofDays(3)).plusSeconds(60), paid));
        Map<String, Object> refund = new HashMap<>(paid);
        refund.putAll(Map.of("refundId", UUID.randomUUID(), "amount", "100.00", "refundedAmount", "100.00",
                "status", "PARTIALLY_REFUNDED"));
        events.add(Envelopes.of("payment.refunded", payment, d.plus(Duration.ofDays(4)), refund));

        UUID c6 = UUID.randomUUID();
        UUID c7 = UUID.randomUUID();
        Instant c6At = day0.plus(Duration.ofDays(5));
        events.add(customer("customer.updated", c1, c1At.plusSeconds(30), Map.of("id", c1, "name", "A",
                "tags", List.of("south", "vip"))));
        events.add(customer("customer.updated", c2, c2At.plusSeconds(120), Map.of("id", c2, "name", "B",
                "tags", List.of("north", "vip"))));
        events.add(customer("customer.created", c6, c6At, Map.of("id", c6, "name", "F", "ownerId", sales2,
                "createdAt", c6At.toString(), "tags", List.of())));
        events.add(customer("customer.updated", c6, c6At.plusSeconds(30), Map.of("id", c6, "name", "F",
                "tags", List.of("south"))));
        events.add(customer("customer.owner-changed", c6, c6At.plusSeconds(60), Map.of("customerId", c6,
                "from", sales2, "to", sales1)));
        events.add(customer("customer.updated", c4, c4At.plusSeconds(180), Map.of("id", c4, "name", "D",
                "tags", List.of("key"))));
        events.add(customer("customer.updated", c7, c6At, Map.of("id", c7, "name", "G", "tags", List.of("vip"))));
        events.add(customer("customer.updated", c1, c1At.plusSeconds(90), Map.of("id", c1, "name", "A",
                "tags", List.of("key", "south", "vip"))));
        events.add(customer("customer.owner-changed", c6, c6At.plusSeconds(120), Map.of("customerId", c6,
                "from", sales1, "to", sales2)));
        events.add(customer("customer.owner-changed", c1, c1At.plusSeconds(150), Map.of("customerId", c1,
                "from", sales1, "to", sales2)));

        // revenue by the current owner and assignee: c2 changed owner (above), "reopened" its assignee; refunded in full
        UUID p2 = UUID.randomUUID();
        Map<String, Object> p2Paid = new HashMap<>(Map.of("paymentId", p2, "customerId", c2, "leadId", reopened,
                "currency", "EUR", "amount", "500", "method", "CARD"));
        events.add(Envelopes.of("payment.recorded", p2, d.plus(Duration.ofDays(2)), p2Paid));
        Map<String, Object> p2Refund = new HashMap<>(p2Paid);
        p2Refund.putAll(Map.of("refundId", UUID.randomUUID(), "status", "REFUNDED"));
        events.add(Envelopes.of("payment.refunded", p2, d.plus(Duration.ofDays(5)), p2Refund));
        // pending, completed a week later, then failed (the money moved all the same); its lead assigned late
        UUID p3 = UUID.randomUUID();
        Map<String, Object> p3Paid = new HashMap<>(Map.of("paymentId", p3, "customerId", c4, "leadId", nobodys,
                "currency", "GBP", "amount", "80", "status", "PENDING", "method", "TRANSFER"));
        events.add(Envelopes.of("payment.recorded", p3, d.plus(Duration.ofDays(1)), p3Paid));
        p3Paid.put("to", "COMPLETED");
        events.add(Envelopes.of("payment.status-changed", p3, d.plus(Duration.ofDays(8)), p3Paid));
        p3Paid.put("to", "FAILED");
        events.add(Envelopes.of("payment.status-changed", p3, d.plus(Duration.ofDays(9)), p3Paid));
        events.add(lead("lead.assigned", nobodys, c4, d.plus(Duration.ofDays(8)).plusSeconds(30), Map.of(
                "assignee", sales2)));
        // never completed
        UUID p4 = UUID.randomUUID();
        events.add(Envelopes.of("payment.recorded", p4, d.plus(Duration.ofDays(2)), Map.of("paymentId", p4,
                "customerId", c3, "leadId", early, "currency", "USD", "amount", "40", "status", "PENDING")));
        // a purged customer's money still moved; a producer's own paidAt, the day before
        UUID p5 = UUID.randomUUID();
        events.add(Envelopes.of("payment.recorded", p5, d.plus(Duration.ofDays(2)), Map.of("paymentId", p5,
                "customerId", c5, "currency", "EUR", "amount", "70")));
        UUID p6 = UUID.randomUUID();
        events.add(Envelopes.of("payment.recorded", p6, d, Map.of("paymentId", p6, "customerId", c1,
                "currency", "EUR", "amount", "25", "status", "COMPLETED", "paidAt",
                d.minus(Duration.ofDays(1)).toString())));
        events.add(customer("customer.owner-changed", c1, d.plus(Duration.ofDays(7)), Map.of("customerId", c1,
                "from", sales1, "to", sales2)));
        events.add(customer("customer.owner-changed", c1, d.plus(Duration.ofDays(7)).plusSeconds(60), Map.of(
                "customerId", c1, "from", sales2, "to", sales1)));
        events.add(customer("customer.owner-changed", c4, d.plus(Duration.ofDays(8)), Map.of("customerId", c4,
                "from", sales1, "to", sales2)));

        // follow-ups due before today: reassigned, completed, cancelled, a purged customer's, one moved to another
        // customer and lead; one due in the story's future
        UUID f1 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f1, c1, won, sales2, "OPEN", due, d));
        events.add(followUp("follow-up.updated", f1, c1, won, sales1, "OPEN", due.plusSeconds(3600), d.plusSeconds(60)));
        UUID f2 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f2, c2, lost, sales2, "OPEN", due, d));
        events.add(followUp("follow-up.completed", f2, c2, lost, sales2, "DONE", due, d.plus(Duration.ofDays(1))));
        UUID f3 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f3, c4, null, sales1, "OPEN", due, d));
        events.add(followUp("follow-up.cancelled", f3, c4, null, sales1, "CANCELLED", due, d.plus(Duration.ofDays(1))));
        UUID f4 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f4, c5, null, sales1, "OPEN", due, d));
        UUID f5 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f5, c1, valueless, sales2, "OPEN", day0.plus(Duration.ofDays(30)), d));
        UUID f6 = UUID.randomUUID();
        events.add(followUp("follow-up.created", f6, c2, reopened, null, "OPEN", due, d));
        events.add(followUp("follow-up.due", f6, c2, reopened, null, "OPEN", due, d.plus(Duration.ofDays(1))));
        events.add(followUp("follow-up.updated", f6, c4, nobodys, null, "OPEN", due, d.plus(Duration.ofDays(2))));
        return events;
    }

    private static Event followUp(String type, UUID id, UUID customer, UUID lead, String assignee, String status,
            Instant dueAt, Instant at) {
        Map<String, Object> payload = new HashMap<>(Map.of("followUpId", id, "customerId", customer,
                "dueAt", dueAt.toString(), "status", status, "actorId", "user-actor"));
        if (lead != null) {
            payload.put("leadId", lead);
        }
        if (assignee != null) {
            payload.put("assignee", assignee);
        }
        return Envelopes.of(type, id, at, payload);
    }

    private static Event customer(String type, UUID customer, Instant at, Map<String, Object> payload) {
        return Envelopes.of(type, customer, at, payload);
    }

    private static Event lead(String type, UUID lead, UUID customer, Instant at, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("leadId", lead);
        payload.put("customerId", customer);
        payload.put("title", "Deal");
        return Envelopes.of(type, lead, at, payload);
    }
}

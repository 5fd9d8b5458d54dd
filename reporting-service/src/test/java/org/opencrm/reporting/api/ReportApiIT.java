package org.opencrm.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.reporting.domain.ActivityFacts;
import org.opencrm.reporting.domain.CustomerFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.opencrm.reporting.domain.LeadFacts;
import org.opencrm.reporting.domain.PaymentFacts;
import org.opencrm.reporting.domain.UserNames;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.Facts;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The statistics over real HTTP with real Keycloak tokens, over one month of the far future that only this class
 * writes into: two sales users' customers, leads, payments and follow-ups, and what each caller may count of them.
 */
@ReportingIntegrationTest
class ReportApiIT {

    static Caller sales1;
    static Caller sales2;
    static Caller manager;
    static Caller support;
    static Caller admin;
    static LocalDate month;
    static boolean seeded;

    @LocalServerPort
    int port;

    @Autowired
    CustomerFacts customers;

    @Autowired
    LeadFacts leads;

    @Autowired
    PaymentFacts payments;

    @Autowired
    FollowUpFacts followUps;

    @Autowired
    ActivityFacts activities;

    @Autowired
    UserNames names;

    Api api;

    @BeforeAll
    static void signIn() {
        sales1 = Api.signIn("sales1");
        sales2 = Api.signIn("sales2");
        manager = Api.signIn("manager");
        support = Api.signIn("support");
        admin = Api.signIn("admin");
        month = LocalDate.of(2400 + (int) (Math.random() * 500), 1 + (int) (Math.random() * 12), 1);
    }

    @BeforeEach
    void seedOnce() {
        api = new Api(port);
        if (seeded) {
            return;
        }
        Facts facts = new Facts(customers, leads, payments, followUps);
        names.named(sales1.id(), "Sam Seller", day(1));
        UUID a = facts.customer(sales1.id(), day(1), "vip");
        UUID b = facts.customer(sales2.id(), day(1), "vip", "eu");
        // a colleague's note on sales1's customer (seen, as on the timeline); a follow-up made on sales2's lead (not)
        activities.happened(UUID.randomUUID(), "note", a, null, sales2.id(), day(2));
        activities.happened(UUID.randomUUID(), "follow-up", b, null, sales2.id(), day(2));
        UUID won = facts.lead(a, sales1.id(), "WEB", "1000", "EUR", day(1), "IN_PROGRESS", day(2), "CLOSED_WON",
                day(3));
        facts.lead(a, sales1.id(), "=HYPERLINK(\"http://evil\")", "500", "EUR", day(1), "IN_PROGRESS", day(2));
        UUID lost = facts.lead(b, sales2.id(), "WEB", "2000", "EUR", day(1), "CLOSED_LOST", day(2));
        activities.happened(UUID.randomUUID(), "follow-up", b, lost, sales2.id(), day(2));
        facts.lead(b, sales2.id(), "WEB", "300", "USD", day(1));
        UUID paid = facts.completedPayment(a, won, "1000.00", "EUR", day(4));
        facts.refund(paid, a, won, "100.00", "EUR", day(5));
        facts.completedPayment(b, null, "2000.00", "EUR", day(4));
        facts.completedPayment(b, null, "50.00", "USD", day(4));
        // sales1's customer, sales2's lead: sales1 counts the payment, sales2 is credited with it
        UUID colleagues = facts.lead(a, sales2.id(), "PARTNER", "70", "EUR", day(1));
        facts.completedPayment(a, colleagues, "70.00", "EUR", day(6));
        facts.followUp(a, null, sales1.id(), "OPEN", Instant.now().minus(Duration.ofDays(1)));
        facts.followUp(a, null, sales1.id(), "OPEN", Instant.now().plus(Duration.ofDays(3)));
        facts.followUp(a, null, sales1.id(), "DONE", Instant.now().minus(Duration.ofDays(2)));
        facts.followUp(b, null, sales2.id(), "OPEN", Instant.now().minus(Duration.ofDays(1)));
        seeded = true;
    }

    @Test
    void aSalesUsersDashboardCountsOnlyTheirLeadsPaymentsAndFollowUps() {
        JsonNode dashboard = api.json(sales1, "GET", "/api/v1/reports/dashboard" + period(), null);

        assertThat(dashboard.get("newCustomers").asLong()).isEqualTo(2); // customers: everyone's, as the list shows
        assertThat(dashboard.get("openLeads").asLong()).isEqualTo(1);
        assertThat(money(dashboard.get("pipelineValue"))).containsExactly("EUR 500.00");
        assertThat(money(dashboard.get("revenue"))).containsExactly("EUR 970.00");
        assertThat(dashboard.get("wonLeads").asLong()).isEqualTo(1);
        assertThat(dashboard.get("lostLeads").asLong()).isZero();
        assertThat(dashboard.get("conversionRate").asDouble()).isEqualTo(1.0);
        assertThat(dashboard.get("followUpsDue").asLong()).isEqualTo(1);
        assertThat(dashboard.get("from").asString()).isEqualTo(month.atStartOfDay().toInstant(ZoneOffset.UTC)
            .toString());
    }

    @Test
    void managersAndSupportCountEverything() {
        for (Caller caller : List.of(manager, support)) {
            JsonNode dashboard = api.json(caller, "GET", "/api/v1/reports/dashboard" + period(), null);
            assertThat(money(dashboard.get("revenue"))).containsExactly("EUR 2970.00", "USD 50.00");
            assertThat(dashboard.get("wonLeads").asLong()).isEqualTo(1);
            assertThat(dashboard.get("lostLeads").asLong()).isEqualTo(1);
            assertThat(dashboard.get("conversionRate").asDouble()).isEqualTo(0.5);
        }
    }

    @Test
    void salesPerformanceShowsASalesUserTheirOwnRowOnlyAndSupportNone() {
        JsonNode all = api.json(manager, "GET", "/api/v1/reports/sales-performance" + period(), null).get("rows");
        JsonNode first = row(all, sales1.id());
        assertThat(first.get("userName").asString()).isEqualTo("Sam Seller");
        assertThat(first.get("leadsAssigned").asLong()).isEqualTo(2);
        assertThat(first.get("won").asLong()).isEqualTo(1);
        assertThat(first.get("winRate").asDouble()).isEqualTo(1.0);
        assertThat(money(first.get("revenue"))).containsExactly("EUR 900.00");
        assertThat(first.get("averageDaysToClose").asDouble()).isEqualTo(2.0);
        JsonNode second = row(all, sales2.id());
        assertThat(second.get("lost").asLong()).isEqualTo(1);
        assertThat(second.get("winRate").asDouble()).isEqualTo(0.0);
        assertThat(money(second.get("revenue"))).containsExactly("EUR 2070.00", "USD 50.00");

        JsonNode own = api.json(sales1, "GET", "/api/v1/reports/sales-performance" + period(), null).get("rows");
        assertThat(ids(own)).containsExactly(sales1.id());
        JsonNode other = api.json(sales1, "GET", "/api/v1/reports/sales-performance" + period() + "&userId="
                + sales2.id(), null).get("rows");
        assertThat(other).isEmpty();
        assertThat(api.get(support, "/api/v1/reports/sales-performance" + period()).statusCode()).isEqualTo(403);
    }

    @Test
    void theFunnelCountsTheLeadsCreatedInThePeriodByStatus() {
        JsonNode funnel = api.json(sales1, "GET", "/api/v1/reports/funnel" + period(), null);
        assertThat(StreamSupport.stream(funnel.get("stages").spliterator(), false)
            .map(s -> s.get("status").asString() + "=" + s.get("count").asLong() + money(s.get("value"))).toList())
            .containsExactly("NEW=0[]", "IN_PROGRESS=1[EUR 500.00]", "CLOSED_WON=1[EUR 1000.00]", "CLOSED_LOST=0[]");
        assertThat(funnel.get("conversionRate").asDouble()).isEqualTo(1.0);
        JsonNode everyone = api.json(manager, "GET", "/api/v1/reports/funnel" + period(), null);
        assertThat(everyone.get("conversionRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void revenueIsZeroFilledPerPeriodInTheDefaultCurrencyUnlessAskedAndNamesEveryCurrencyMoneyMovedIn() {
        JsonNode daily = api.json(manager, "GET", "/api/v1/reports/revenue" + period() + "&currency=EUR", null);
        assertThat(daily.get("points")).hasSize(month.lengthOfMonth());
        assertThat(daily.get("points").get(4).get("amount").asString()).isEqualTo("3000.00");
        assertThat(daily.get("points").get(5).get("amount").asString()).isEqualTo("-100.00");
        assertThat(daily.get("points").get(0).get("amount").asString()).isEqualTo("0.00");
        assertThat(daily.get("points").get(0).get("period").asString()).isEqualTo(month.toString());
        assertThat(daily.get("points").get(6).get("amount").asString()).isEqualTo("70.00");
        assertThat(daily.get("total").asString()).isEqualTo("2970.00");
        assertThat(strings(daily.get("currencies"))).containsExactly("EUR", "USD");

        // money moved in several: the default currency unless another is asked for, the others named
        JsonNode unasked = api.json(manager, "GET", "/api/v1/reports/revenue" + period(), null);
        assertThat(unasked.get("currency").asString()).isEqualTo("EUR");
        assertThat(unasked.get("total").asString()).isEqualTo("2970.00");
        assertThat(strings(unasked.get("currencies"))).containsExactly("EUR", "USD");
        JsonNode dollars = api.json(manager, "GET", "/api/v1/reports/revenue" + period() + "&currency=USD", null);
        assertThat(dollars.get("total").asString()).isEqualTo("50.00");
        // none moved: the default, no currency named
        JsonNode quiet = api.json(manager, "GET", "/api/v1/reports/revenue?from=" + month.minusMonths(1) + "&to="
                + month, null);
        assertThat(quiet.get("currency").asString()).isEqualTo("EUR");
        assertThat(quiet.get("total").asString()).isEqualTo("0.00");
        assertThat(quiet.get("currencies")).isEmpty();

        JsonNode own = api.json(sales1, "GET", "/api/v1/reports/revenue" + period() + "&granularity=month", null);
        assertThat(own.get("currency").asString()).isEqualTo("EUR");
        assertThat(own.get("points")).hasSize(1);
        assertThat(own.get("total").asString()).isEqualTo("970.00");
        // a sales user is told of the currencies of what they may count only
        assertThat(strings(own.get("currencies"))).containsExactly("EUR");

        assertProblem(api.get(manager, "/api/v1/reports/revenue" + period() + "&currency=euro"), "currency");
        assertProblem(api.get(manager, "/api/v1/reports/revenue" + period() + "&granularity=year"), "granularity");
        assertProblem(api.get(manager, "/api/v1/reports/revenue?from=2026-13-01"), "from");
        assertProblem(api.get(manager, "/api/v1/reports/revenue?from=2026-02-01&to=2026-01-01&currency=EUR"), "to");
    }

    @Test
    void aGroupByOwnerShowsASalesUserOnlyTheirOwnGroup() {
        String byOwner = query("leads", "count", null, "owner", "[]");
        assertThat(keys(api.json(sales1, "POST", "/api/v1/reports/query", byOwner))).containsExactly(sales1.id());
        JsonNode everyones = api.json(manager, "POST", "/api/v1/reports/query", byOwner);
        assertThat(keys(everyones)).containsExactlyInAnyOrder(sales1.id(), sales2.id());
        assertThat(row(everyones.get("rows"), "key", sales1.id()).get("label").asString()).isEqualTo("Sam Seller");

        String paymentsByOwner = query("payments", "sum", "\"amount\"", "owner", "[]");
        JsonNode own = api.json(sales1, "POST", "/api/v1/reports/query", paymentsByOwner).get("rows");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(own.get(0).get("value").asString()).isEqualTo("1000.00");
        JsonNode colleague = api.json(sales1, "POST", "/api/v1/reports/query", query("payments", "count", null, null,
                "[{\"field\":\"owner\",\"operator\":\"eq\",\"value\":\"" + sales2.id() + "\"}]"));
        assertThat(colleague.get("rows").get(0).get("value").asLong()).isZero();
        JsonNode allOwn = api.json(sales1, "POST", "/api/v1/reports/query", query("payments", "count", null, null,
                "[]"));
        assertThat(allOwn.get("rows").get(0).get("value").asLong()).isEqualTo(2); // the colleague's lead's too

        for (String dimension : List.of("status", "source", "currency", "day", "week", "month")) {
            assertThat(total(api.json(sales1, "POST", "/api/v1/reports/query",
                    query("leads", "count", null, dimension, "[]")))).as("leads by " + dimension).isEqualTo(2);
        }
    }

    @Test
    void aSalesUsersPaymentsAndFollowUpsCountTheSameWhateverTheGrouping() {
        for (String dimension : List.of("status", "method", "currency", "day", "week", "month")) {
            assertThat(total(api.json(sales1, "POST", "/api/v1/reports/query",
                    query("payments", "count", null, dimension, "[]")))).as("payments by " + dimension).isEqualTo(2);
        }
        // their own three follow-ups (open ones due yesterday and in three days, one done), never sales2's
        for (String dimension : List.of("status", "owner", "day", "week", "month")) {
            JsonNode result = api.json(sales1, "POST", "/api/v1/reports/query", """
                    {"dataset":"follow-ups","metric":{"function":"count"},"groupBy":"%s","from":"%s","to":"%s"}"""
                .formatted(dimension, LocalDate.now().minusDays(7), LocalDate.now().plusDays(7)));
            assertThat(total(result)).as("follow-ups by " + dimension).isEqualTo(3);
            if (dimension.equals("owner")) {
                assertThat(keys(result)).containsExactly(sales1.id());
            }
        }
    }

    @Test
    void widgetQueriesSumPerCurrencyFilterAndZeroFill() {
        JsonNode bySource = api.json(manager, "POST", "/api/v1/reports/query", query("leads", "sum", "\"value\"",
                "source", "[{\"field\":\"status\",\"operator\":\"in\",\"value\":[\"CLOSED_WON\",\"IN_PROGRESS\"]}]"));
        assertThat(StreamSupport.stream(bySource.get("rows").spliterator(), false)
            .map(r -> r.get("key").asString() + " " + r.get("currency").asString() + " " + r.get("value").asString())
            .toList()).containsExactly("=HYPERLINK(\"http://evil\") EUR 500.00", "WEB EUR 1000.00");

        JsonNode byTag = api.json(sales1, "POST", "/api/v1/reports/query", query("customers", "count", null, "tag",
                "[]"));
        assertThat(StreamSupport.stream(byTag.get("rows").spliterator(), false)
            .map(r -> r.get("key").asString() + "=" + r.get("value").asLong()).toList())
            .containsExactly("eu=1", "vip=2");

        JsonNode byDay = api.json(manager, "POST", "/api/v1/reports/query", query("payments", "count", null, "day",
                "[{\"field\":\"amount\",\"operator\":\"gte\",\"value\":\"1000\"}]"));
        assertThat(byDay.get("rows")).hasSize(month.lengthOfMonth());
        assertThat(byDay.get("rows").get(4).get("value").asLong()).isEqualTo(2);

        JsonNode followUpsDue = api.json(sales1, "POST", "/api/v1/reports/query", """
                {"dataset":"follow-ups","metric":{"function":"count"},"groupBy":"status",
                 "from":"2000-01-01","to":"2100-01-01"}""");
        assertThat(StreamSupport.stream(followUpsDue.get("rows").spliterator(), false)
            .map(r -> r.get("key").asString() + "=" + r.get("value").asLong()).toList())
            .containsExactly("DONE=1", "OPEN=2");
    }

    @Test
    void activitiesFollowActivityServicesRuleAndNeverShowAColleaguesGroup() {
        String byType = query("activities", "count", null, "type", "[]");
        assertThat(rows(api.json(sales1, "POST", "/api/v1/reports/query", byType)))
            .containsExactly("follow-up=1", "note=1");
        assertThat(rows(api.json(manager, "POST", "/api/v1/reports/query", byType)))
            .containsExactly("follow-up=2", "note=1");
        assertThat(rows(api.json(sales1, "POST", "/api/v1/reports/query", query("activities", "count", null,
                "owner", "[]")))).isEmpty();
        assertThat(rows(api.json(manager, "POST", "/api/v1/reports/query", query("activities", "count", null,
                "owner", "[]")))).containsExactly(sales2.id() + "=3");
        for (String dimension : List.of("day", "week", "month")) {
            assertThat(total(api.json(sales1, "POST", "/api/v1/reports/query", query("activities", "count", null,
                    dimension, "[]")))).as("activities by " + dimension).isEqualTo(2);
        }
    }

    @Test
    void aSalesUsersFiltersExportsAndPerformanceHoldOnlyWhatTheyMaySee() {
        // a filter on a colleague finds nothing of theirs; naming both finds only one's own
        assertThat(total(api.json(sales1, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"owner\",\"operator\":\"eq\",\"value\":\"" + sales2.id() + "\"}]"))))
            .isZero();
        assertThat(total(api.json(sales1, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"owner\",\"operator\":\"in\",\"value\":[\"" + sales1.id() + "\",\""
                        + sales2.id() + "\"]}]")))).isEqualTo(2);
        // customers are everyone's to read: grouped by owner, each owner's own
        assertThat(rows(api.json(manager, "POST", "/api/v1/reports/query", query("customers", "count", null,
                "owner", "[]")))).containsExactlyInAnyOrder(sales1.id() + "=1", sales2.id() + "=1");

        List<String> revenue = csv(api.get(sales1, "/api/v1/reports/revenue/export" + period()
                + "&currency=EUR&format=csv"));
        assertThat(revenue.get(5)).isEqualTo(month.plusDays(4) + ",EUR,1000.00"); // the manager's: 3000.00
        assertThat(revenue.get(7)).isEqualTo(month.plusDays(6) + ",EUR,70.00");
        // the stages as the funnel shows them, each holding the next; a column per currency
        assertThat(csv(api.get(sales1, "/api/v1/reports/funnel/export" + period() + "&format=csv"))).containsExactly(
                "stage,leads,value EUR", "Created,2,1500.00", "Worked on,2,1500.00", "Closed,1,1000.00",
                "Won,1,1000.00"); // the manager's: Closed,2,3000.00

        JsonNode one = api.json(manager, "GET", "/api/v1/reports/sales-performance" + period() + "&userId="
                + sales2.id(), null).get("rows");
        assertThat(ids(one)).containsExactly(sales2.id());
    }

    @Test
    void refusesUnknownDatasetsFieldsDimensionsOperatorsAndPropertiesNamingThem() {
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("deals", "count", null, null, "[]")),
                "dataset");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "count", null, "method",
                "[]")), "groupBy");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "median", null, null, "[]")),
                "metric.function");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("activities", "sum", null, null,
                "[]")), "metric.field");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"amount\",\"operator\":\"eq\",\"value\":\"1\"}]")), "filters[0].field");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"status\",\"operator\":\"like\",\"value\":\"W%\"}]")), "filters[0].operator");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"status\",\"operator\":\"in\",\"value\":\"NEW\"}]")), "filters[0].value");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", """
                {"dataset":"leads","metric":{"function":"count"},"groupBy":"day","from":"2000-01-01",
                 "to":"2100-01-01"}"""), "groupBy");
        // a misspelt property is refused, not skipped: skipped, "gruopBy" would answer an ungrouped count
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", """
                {"dataset":"leads","metric":{"function":"count"},"gruopBy":"status"}"""), "gruopBy");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", """
                {"dataset":"leads","metric":{"function":"sum","feild":"value"}}"""), "metric.feild");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", query("leads", "count", null, null,
                "[{\"field\":\"status\",\"op\":\"eq\",\"value\":\"NEW\"}]")), "filters[0].op");
    }

    @Test
    void layoutsComeFromTheUserElseTheirRoleElseTheBuiltInDefault() {
        api.send(support, "DELETE", "/api/v1/reports/dashboard/layout", null);
        JsonNode before = api.json(support, "GET", "/api/v1/reports/dashboard/layout", null);
        assertThat(before.get("source").asString()).isIn("default", "role");

        String custom = """
                {"widgets":[{"id":"w1","type":"custom","title":"Won by source","x":0,"y":0,"w":6,"h":4,
                  "settings":{"chart":"bar","query":{"dataset":"leads","metric":{"function":"sum","field":"value"},
                  "groupBy":"source","filters":[{"field":"status","operator":"eq","value":"CLOSED_WON"}]}}}]}""";
        assertThat(api.send(sales1, "PUT", "/api/v1/reports/dashboard/layouts/support", custom).statusCode())
            .isEqualTo(403);
        api.json(admin, "PUT", "/api/v1/reports/dashboard/layouts/support", custom);
        JsonNode published = api.json(support, "GET", "/api/v1/reports/dashboard/layout", null);
        assertThat(published.get("source").asString()).isEqualTo("role");
        assertThat(published.get("widgets").get(0).get("settings").get("query").get("groupBy").asString())
            .isEqualTo("source");

        api.json(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"headline","x":0,"y":0,"w":12,"h":2}]}""");
        assertThat(api.json(support, "GET", "/api/v1/reports/dashboard/layout", null).get("source").asString())
            .isEqualTo("user");
        assertThat(api.send(support, "DELETE", "/api/v1/reports/dashboard/layout", null).statusCode()).isEqualTo(204);
        assertThat(api.json(support, "GET", "/api/v1/reports/dashboard/layout", null).get("source").asString())
            .isEqualTo("role");

        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"clock","x":0,"y":0,"w":12,"h":2}]}"""), "widgets[0].type");
        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"custom","x":0,"y":0,"w":6,"h":2,"settings":{"chart":"bar",
                 "query":{"dataset":"leads","metric":{"function":"count"},"groupBy":"tag"}}}]}"""),
                "widgets[0].settings.query.groupBy");
        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"custom","x":0,"y":0,"w":6,"h":2,"settings":{"chart":"bar",
                 "query":{"dataset":"leads","metric":{"function":"count"},"gruopBy":"source"}}}]}"""),
                "widgets[0].settings.query.gruopBy");
        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"custom","x":0,"y":0,"w":6,"h":2,"settings":{"chart":"donut",
                 "query":{"dataset":"leads","metric":{"function":"count"}}}}]}"""), "widgets[0].settings.chart");
        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", """
                {"widgets":[{"id":"h","type":"headline","x":0,"y":0,"w":12,"h":2,"colour":"red"}]}"""),
                "widgets[0].colour");
        StringBuilder many = new StringBuilder("{\"widgets\":[");
        for (int i = 0; i < 25; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"w").append(i)
                .append("\",\"type\":\"headline\",\"x\":0,\"y\":").append(i).append(",\"w\":12,\"h\":1}");
        }
        assertProblem(api.send(support, "PUT", "/api/v1/reports/dashboard/layout", many + "]}"), "widgets");
        assertProblem(api.send(admin, "PUT", "/api/v1/reports/dashboard/layouts/partner", custom), "role");
    }

    @Test
    void exportsCsvAsAnAttachmentWithFormulasNeutralised() {
        HttpResponse<byte[]> revenue = api.get(manager, "/api/v1/reports/revenue/export" + period()
                + "&currency=EUR&format=csv");
        assertThat(revenue.statusCode()).isEqualTo(200);
        assertThat(revenue.headers().firstValue("Content-Disposition")).get().asString()
            .startsWith("attachment").contains("revenue.csv");
        List<String> lines = new String(revenue.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(month.lengthOfMonth() + 1);
        assertThat(lines.get(0)).isEqualTo("day,currency,amount");
        assertThat(lines.get(6)).isEqualTo(month.plusDays(5) + ",EUR,-100.00");

        HttpResponse<byte[]> widget = api.send(manager, "POST", "/api/v1/reports/query/export?format=csv",
                query("leads", "sum", "\"value\"", "source", "[]"));
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        String csv = new String(widget.body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",EUR,500.00").doesNotContain("\n=");

        HttpResponse<byte[]> own = api.send(sales2, "POST", "/api/v1/reports/query/export",
                query("leads", "count", null, "owner", "[]"));
        assertThat(new String(own.body(), StandardCharsets.UTF_8)).startsWith("owner,name,currency,value")
            .contains(sales2.id()).doesNotContain(sales1.id());

        assertThat(api.get(support, "/api/v1/reports/sales-performance/export" + period()).statusCode())
            .isEqualTo(403);
        assertProblem(api.get(manager, "/api/v1/reports/funnel/export" + period() + "&format=xlsx"), "format");
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query/export", query("deals", "count", null, null,
                "[]")), "dataset");
    }

    @Test
    void aWidgetAnswersAtMostItsGroupLimitWhileItsExportStreamsEveryRow() {
        String threeYearsByDay = """
                {"dataset":"activities","metric":{"function":"count"},"groupBy":"day","from":"2000-01-01",
                 "to":"2003-01-01"}""";
        assertProblem(api.send(manager, "POST", "/api/v1/reports/query", threeYearsByDay), "groupBy");

        HttpResponse<byte[]> export = api.send(manager, "POST", "/api/v1/reports/query/export", threeYearsByDay);
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> lines = new String(export.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 1096);
        assertThat(lines.get(0)).isEqualTo("day,currency,value");
        assertThat(lines.get(1)).isEqualTo("2000-01-01,,0");
        assertThat(lines.get(1096)).isEqualTo("2002-12-31,,0");
    }

    @Test
    void exportsPdfWithTitlePeriodTableAndChart() throws IOException {
        HttpResponse<byte[]> response = api.get(manager, "/api/v1/reports/funnel/export" + period() + "&format=pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
            .startsWith("attachment").contains("funnel.pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Sales funnel", "Period: " + month.atStartOfDay().toInstant(ZoneOffset.UTC),
                    "value EUR", "value USD", "Closed", "3000.00", "Won", "1000.00");
        }
        HttpResponse<byte[]> performance = api.get(sales1, "/api/v1/reports/sales-performance/export" + period()
                + "&format=pdf");
        try (PDDocument pdf = Loader.loadPDF(performance.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Sales performance", "Sam Seller", "revenue EUR",
                    "900.00").doesNotContain(sales2.id()).doesNotContain("2070.00");
        }
    }

    private static List<String> csv(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8).lines().toList();
    }

    private static String query(String dataset, String function, String field, String groupBy, String filters) {
        return """
                {"dataset":"%s","metric":{"function":"%s","field":%s},"groupBy":%s,"filters":%s,"from":"%s","to":"%s"}"""
            .formatted(dataset, function, field, groupBy == null ? "null" : "\"" + groupBy + "\"", filters, month,
                    month.plusMonths(1));
    }

    private static Instant day(int day) {
        return month.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
    }

    private static String period() {
        return "?from=" + month + "&to=" + month.plusMonths(1);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static List<String> money(JsonNode amounts) {
        return StreamSupport.stream(amounts.spliterator(), false)
            .map(m -> m.get("currency").asString() + " " + m.get("amount").asString()).toList();
    }

    private static JsonNode row(JsonNode rows, String userId) {
        return row(rows, "userId", userId);
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get(field).asString().equals(value))
            .findFirst().orElseThrow(() -> new AssertionError("no row with " + field + " " + value + " in " + rows));
    }

    private static List<String> ids(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("userId").asString()).toList();
    }

    private static List<String> rows(JsonNode result) {
        return StreamSupport.stream(result.get("rows").spliterator(), false)
            .map(r -> r.get("key").asString() + "=" + r.get("value").asLong()).toList();
    }

    private static long total(JsonNode result) {
        return StreamSupport.stream(result.get("rows").spliterator(), false).mapToLong(r -> r.get("value").asLong())
            .sum();
    }

    private static List<String> keys(JsonNode result) {
        return StreamSupport.stream(result.get("rows").spliterator(), false).map(r -> r.get("key").asString())
            .toList();
    }

    private static void assertProblem(HttpResponse<byte[]> response, String field) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
            .startsWith("application/problem+json");
        JsonNode problem = tools.jackson.databind.json.JsonMapper.shared().readTree(body);
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
            .map(e -> e.get("field").asString()).toList()).as(body).contains(field);
    }
}

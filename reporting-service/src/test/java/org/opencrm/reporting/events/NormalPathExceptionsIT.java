package org.opencrm.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ThrownExceptions;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exceptions cost a stack walk each: none may be thrown while the read models take a whole story of events and the
 * statistics, widgets, layouts and exports answer, over real HTTP.
 */
@ReportingIntegrationTest
class NormalPathExceptionsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventFeed feed;

    @Test
    void appliesEventsAndAnswersStatisticsWidgetsAndExportsWithoutThrowing() throws Exception {
        Caller admin = Api.signIn("admin");
        Caller sales = Api.signIn("sales1");

        assertThat(ThrownExceptions.during(() -> everyUseCase(admin, sales))).isEmpty();
    }

    private void everyUseCase(Caller admin, Caller sales) throws Exception {
        Api api = new Api(port);
        // a month of its own in the far future, another one on each run
        LocalDate month = LocalDate.of(2402 + (int) (Math.random() * 500), 1 + (int) (Math.random() * 12), 1);
        ReadModelsIT.Story story = new ReadModelsIT.Story(month.atStartOfDay().toInstant(ZoneOffset.UTC));
        feed.sendAll(story.events);
        feed.awaitApplied(story.events);

        String period = "?from=" + month + "&to=" + month.plusMonths(1);
        String widget = """
                {"dataset":"leads","metric":{"function":"sum","field":"value"},"groupBy":"source","filters":[],
                 "from":"%s","to":"%s"}""".formatted(month, month.plusMonths(1));
        for (Caller caller : List.of(admin, sales)) {
            for (String path : List.of("/api/v1/reports/dashboard" + period,
                    "/api/v1/reports/sales-performance" + period, "/api/v1/reports/funnel" + period,
                    "/api/v1/reports/revenue" + period + "&granularity=week&currency=EUR",
                    "/api/v1/reports/dashboard/layout",
                    "/api/v1/reports/revenue/export" + period + "&currency=EUR&format=csv")) {
                assertThat(api.get(caller, path).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(api.send(caller, "POST", "/api/v1/reports/query", widget).statusCode()).isEqualTo(200);
            assertThat(api.send(caller, "POST", "/api/v1/reports/query/export?format=csv", widget).statusCode())
                .isEqualTo(200);
        }
    }
}

package org.opencrm.reporting.api;

import org.opencrm.reporting.application.ReportService;
import org.opencrm.reporting.application.Reports;
import org.opencrm.reporting.domain.QueryDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Statistics over the read models. Periods: {@code from} inclusive, {@code to} exclusive, ISO dates (UTC) or
 * instants, by default the current month. A sales user's numbers count only their own records.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Headline figures of the period")
    Reports.Dashboard dashboard(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return reports.dashboard(from, to);
    }

    @GetMapping("/sales-performance")
    @Operation(summary = "Leads, wins, losses, revenue and time to close per sales user")
    Reports.SalesPerformance salesPerformance(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String userId) {
        return reports.salesPerformance(from, to, userId);
    }

    @GetMapping("/funnel")
    @Operation(summary = "Leads created in the period by status, with their value per currency")
    Reports.Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.funnel(from, to);
    }

    @GetMapping("/revenue")
    @Operation(summary = "Completed payments minus refunds per day, week or month in one currency")
    Reports.Revenue revenue(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return reports.revenue(granularity, currency, from, to);
    }

    @PostMapping("/query")
    @Operation(summary = "Evaluates one widget definition")
    Reports.QueryResult query(@RequestBody QueryDefinition definition) {
        return reports.query(definition);
    }
}

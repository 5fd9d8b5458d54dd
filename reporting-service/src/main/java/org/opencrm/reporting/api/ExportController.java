package org.opencrm.reporting.api;

import java.io.IOException;

import org.opencrm.platform.web.Attachments;
import org.opencrm.reporting.application.CsvExport;
import org.opencrm.reporting.application.PdfExport;
import org.opencrm.reporting.application.ReportService;
import org.opencrm.reporting.application.ReportTable;
import org.opencrm.reporting.application.ReportTables;
import org.opencrm.reporting.domain.CompiledQuery;
import org.opencrm.reporting.domain.InvalidReportException;
import org.opencrm.reporting.domain.QueryDefinition;
import org.opencrm.reporting.domain.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reports as files ({@code Content-Disposition: attachment}): CSV (cells that a spreadsheet would run as formulas
 * neutralised) or PDF. Everything is checked before the first byte is written, so a bad request is still a problem.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
class ExportController {

    private final ReportService reports;
    private final CsvExport csv;
    private final PdfExport pdf;

    ExportController(ReportService reports, CsvExport csv, PdfExport pdf) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
    }

    @GetMapping("/sales-performance/export")
    @Operation(summary = "Sales performance as CSV or PDF")
    void salesPerformance(@RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String userId,
            HttpServletResponse response) throws IOException {
        String chosen = format(format, true);
        write(ReportTables.salesPerformance(reports.salesPerformance(from, to, userId)), chosen, response);
    }

    @GetMapping("/funnel/export")
    @Operation(summary = "The funnel as CSV or PDF")
    void funnel(@RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        String chosen = format(format, true);
        write(ReportTables.funnel(reports.funnel(from, to)), chosen, response);
    }

    @GetMapping("/revenue/export")
    @Operation(summary = "Revenue as CSV or PDF")
    void revenue(@RequestParam(required = false) String format, @RequestParam(required = false) String granularity,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        String chosen = format(format, true);
        write(ReportTables.revenue(reports.revenue(granularity, currency, from, to)), chosen, response);
    }

    @PostMapping("/query/export")
    @Operation(summary = "A widget's rows as CSV, streamed")
    void query(@RequestParam(required = false) String format, @RequestBody QueryDefinition definition,
            HttpServletResponse response) throws IOException {
        format(format, false);
        CompiledQuery query = reports.compile(definition);
        Viewer viewer = reports.viewer();
        Attachments.prepare(response, "text/csv;charset=UTF-8", definition.dataset() + ".csv");
        csv.query(query, viewer, response.getOutputStream());
    }

    private void write(ReportTable table, String format, HttpServletResponse response) throws IOException {
        if ("pdf".equals(format)) {
            Attachments.prepare(response, "application/pdf", table.name() + ".pdf");
            pdf.table(table, response.getOutputStream());
        }
        else {
            Attachments.prepare(response, "text/csv;charset=UTF-8", table.name() + ".csv");
            csv.table(table, response.getOutputStream());
        }
    }

    private static String format(String format, boolean pdfAllowed) {
        String chosen = format == null ? "csv" : format;
        if (!"csv".equals(chosen) && !(pdfAllowed && "pdf".equals(chosen))) {
            throw new InvalidReportException("format", pdfAllowed ? "one of csv, pdf" : "csv");
        }
        return chosen;
    }
}

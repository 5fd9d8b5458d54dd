package org.opencrm.reporting.application;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.opencrm.platform.csv.SafeCsvWriter;
import org.opencrm.reporting.domain.CompiledQuery;
import org.opencrm.reporting.domain.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV exports, written as they are read: a widget's rows go from the database cursor through Commons CSV into the
 * response, so memory stays flat however many there are.
 */
@Service
public class CsvExport {

    private final ReportService reports;

    public CsvExport(ReportService reports) {
        this.reports = reports;
    }

    public void table(ReportTable table, OutputStream out) {
        try (SafeCsvWriter csv = SafeCsvWriter.to(out)) {
            csv.row(table.header());
            table.rows().forEach(csv::row);
        }
    }

    /** One read-only transaction: PostgreSQL fetches from a cursor only inside one. */
    @Transactional(readOnly = true)
    public void query(CompiledQuery query, Viewer viewer, OutputStream out) {
        try (SafeCsvWriter csv = SafeCsvWriter.to(out)) {
            List<String> header = new ArrayList<>(List.of(query.groupBy() == null ? "key" : query.groupBy()));
            if (query.labelled()) {
                header.add("name");
            }
            header.addAll(List.of("currency", "value"));
            csv.row(header);
            reports.streamQuery(query, viewer, row -> {
                if (query.labelled()) {
                    csv.row(row.key(), row.label(), row.currency(), row.value());
                }
                else {
                    csv.row(row.key(), row.currency(), row.value());
                }
            });
        }
    }
}

package org.opencrm.reporting.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private final ReportService reports;

    public CsvExport(ReportService reports) {
        this.reports = reports;
    }

    public void table(ReportTable table, OutputStream out) {
        try (CSVPrinter csv = printer(out)) {
            record(csv, table.header());
            for (List<String> row : table.rows()) {
                record(csv, row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One read-only transaction: PostgreSQL fetches from a cursor only inside one. */
    @Transactional(readOnly = true)
    public void query(CompiledQuery query, Viewer viewer, OutputStream out) {
        try (CSVPrinter csv = printer(out)) {
            List<String> header = new ArrayList<>(List.of(query.groupBy() == null ? "key" : query.groupBy()));
            if (query.labelled()) {
                header.add("name");
            }
            header.addAll(List.of("currency", "value"));
            record(csv, header);
            reports.streamQuery(query, viewer, row -> {
                try {
                    List<Object> cells = new ArrayList<>(List.of(CsvCells.safe(row.key())));
                    if (query.labelled()) {
                        cells.add(CsvCells.safe(row.label()));
                    }
                    cells.addAll(List.of(CsvCells.safe(row.currency()), CsvCells.safe(row.value())));
                    csv.printRecord(cells);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static CSVPrinter printer(OutputStream out) throws IOException {
        return new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024),
                FORMAT);
    }

    private static void record(CSVPrinter csv, List<String> cells) throws IOException {
        csv.printRecord(cells.stream().map(CsvCells::safe).toList());
    }
}

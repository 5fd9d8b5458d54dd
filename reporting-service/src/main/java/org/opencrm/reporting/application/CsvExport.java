package org.opencrm.reporting.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** Characters of CSV gathered before they go to the response. */
    private static final int CHUNK = 32 * 1024;

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

    /**
     * One read-only transaction: PostgreSQL fetches from a cursor only inside one. Rows are printed into a chunk of
     * text that goes to the response whenever it is full: Commons CSV appends each cell in pieces, and a
     * {@code BufferedWriter} takes its lock for every one (a fifth of the CPU of a million-row export, JFR), a
     * {@code StringBuilder} none.
     */
    @Transactional(readOnly = true)
    public void query(CompiledQuery query, Viewer viewer, OutputStream out) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder chunk = new StringBuilder(CHUNK + 1024);
            CSVPrinter csv = new CSVPrinter(chunk, FORMAT);
            List<String> header = new ArrayList<>(List.of(query.groupBy() == null ? "key" : query.groupBy()));
            if (query.labelled()) {
                header.add("name");
            }
            header.addAll(List.of("currency", "value"));
            record(csv, header);
            reports.streamQuery(query, viewer, row -> {
                try {
                    csv.print(CsvCells.safe(row.key()));
                    if (query.labelled()) {
                        csv.print(CsvCells.safe(row.label()));
                    }
                    csv.print(CsvCells.safe(row.currency()));
                    csv.print(CsvCells.safe(row.value()));
                    csv.println();
                    if (chunk.length() >= CHUNK) {
                        writer.append(chunk);
                        chunk.setLength(0);
                    }
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            writer.append(chunk);
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

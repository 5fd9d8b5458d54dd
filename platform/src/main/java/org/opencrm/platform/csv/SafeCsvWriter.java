package org.opencrm.platform.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8 onto a stream, row by row, every cell through {@link CsvCells#safe}: exports of any length in
 * constant memory. Rows gather in a chunk of text that goes to the stream whenever it is full: Commons CSV appends
 * each cell in pieces, and a {@code BufferedWriter} takes its lock for every one (a fifth of the CPU of a
 * million-row export, JFR), a {@code StringBuilder} none.
 */
public final class SafeCsvWriter implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    /** Characters of CSV gathered before they go to the stream. */
    private static final int CHUNK = 32 * 1024;

    private final Writer out;

    private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);

    private final CSVPrinter csv;

    private SafeCsvWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.csv = new CSVPrinter(chunk, FORMAT);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static SafeCsvWriter to(OutputStream out) {
        return new SafeCsvWriter(out);
    }

    public void row(Object... cells) {
        try {
            for (Object cell : cells) {
                csv.print(CsvCells.safe(cell));
            }
            csv.println();
            if (chunk.length() >= CHUNK) {
                flushChunk();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void row(List<?> cells) {
        row(cells.toArray());
    }

    /** Writes what is gathered and closes the stream. */
    @Override
    public void close() {
        try (out) {
            flushChunk();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void flushChunk() throws IOException {
        out.append(chunk);
        chunk.setLength(0);
    }
}

package org.opencrm.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SafeCsvWriterTest {

    @Test
    void writesRfc4180RowsInUtf8WithEveryCellNeutralised() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsvWriter csv = SafeCsvWriter.to(out)) {
            csv.row(List.of("name", "note"));
            csv.row("Zoë, \"Z\"", "=HYPERLINK(\"x\")");
            csv.row(null, -5L);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
            .as("an empty first cell is quoted, so that no row is an empty line")
            .isEqualTo("name,note\r\n"
                + "\"Zoë, \"\"Z\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n"
                + "\"\",-5\r\n");
    }

    @Test
    void writesEveryRowOfAnExportLargerThanItsChunk() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsvWriter csv = SafeCsvWriter.to(out)) {
            for (int i = 0; i < 10_000; i++) {
                csv.row("row " + i, "x".repeat(20));
            }
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(10_000);
        assertThat(lines[9_999]).isEqualTo("row 9999," + "x".repeat(20));
    }
}

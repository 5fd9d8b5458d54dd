package org.opencrm.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvCells.safe("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
        assertThat(CsvCells.safe("+1")).isEqualTo("'+1");
        assertThat(CsvCells.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.safe("-1.2.3")).isEqualTo("'-1.2.3");
        assertThat(CsvCells.safe("-.5")).isEqualTo("'-.5");
        assertThat(CsvCells.safe("-5.")).isEqualTo("'-5.");
        assertThat(CsvCells.safe("-")).isEqualTo("'-");
        assertThat(CsvCells.safe("+100")).isEqualTo("'+100");
        assertThat(CsvCells.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() {
        assertThat(CsvCells.safe("WEB")).isEqualTo("WEB");
        assertThat(CsvCells.safe("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.safe(12L)).isEqualTo("12");
        assertThat(CsvCells.safe("-100.00")).as("a refund: a number to add up").isEqualTo("-100.00");
        assertThat(CsvCells.safe(-7L)).isEqualTo("-7");
        assertThat(CsvCells.safe(null)).isEmpty();
        assertThat(CsvCells.safe("")).isEmpty();
    }

    @Test
    void plainReadsBackWhatSafeWrote() {
        for (String cell : new String[] { "=SUM(A1)", "+44 20 7946 0000", "-2+3", "@cmd", "\t=1", "-100.00", "O'Brien",
                "'quoted'", "", "plain" }) {
            assertThat(CsvCells.plain(CsvCells.safe(cell))).as(cell).isEqualTo(cell);
        }
        assertThat(CsvCells.plain("'")).isEqualTo("'");
        assertThat(CsvCells.plain(null)).isNull();
    }
}

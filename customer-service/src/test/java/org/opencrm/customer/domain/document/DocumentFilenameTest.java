package org.opencrm.customer.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DocumentFilenameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd|passwd",
            "..\\..\\windows\\system32\\config\\sam|sam",
            "C:\\Users\\ada\\Angebot 2026.pdf|Angebot 2026.pdf",
            "/var/www/../../secret.txt|secret.txt",
            "..|document",
            "....|document",
            "../|document",
            " .hidden |hidden",
            "report.pdf.|report.pdf",
            "CON.txt|_CON.txt",
            "nul|_nul",
            "Übersicht – März.xlsx|Übersicht – März.xlsx",
    })
    void keepsOnlyASafeLastSegment(String submitted, String expected) {
        assertThat(DocumentFilename.sanitize(submitted)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndBidirectionalOverrideCharacters() {
        assertThat(DocumentFilename.sanitize("in\u0000voice\r\n.pdf")).isEqualTo("invoice.pdf");
        // shows as "invoice_fdp.exe" reversed: "invoice_exe.pdf" to the eye, an executable in fact
        assertThat(DocumentFilename.sanitize("invoice_\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        assertThat(DocumentFilename.sanitize("zero\u200Bwidth.txt")).isEqualTo("zerowidth.txt");
        assertThat(DocumentFilename.sanitize("\u0085\u2028\u2029")).isEqualTo("document");
    }

    @Test
    void replacesCharactersWindowsRefuses() {
        assertThat(DocumentFilename.sanitize("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(DocumentFilename.sanitize(null)).isEqualTo("document");
        assertThat(DocumentFilename.sanitize("")).isEqualTo("document");
        assertThat(DocumentFilename.sanitize("\u0001\u0002")).isEqualTo("document");
    }

    @Test
    void boundsTheLengthAndKeepsTheExtension() {
        String name = DocumentFilename.sanitize("x".repeat(500) + ".pdf");
        assertThat(name).hasSize(DocumentFilename.MAX_LENGTH).endsWith("x.pdf");
        // never cuts a character made of two UTF-16 units in half
        String emoji = DocumentFilename.sanitize("😀".repeat(300) + ".txt");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(DocumentFilename.MAX_LENGTH);
        assertThat(emoji).endsWith("😀.txt");
    }

    @Test
    void normalisesToComposedCharacters() {
        assertThat(DocumentFilename.sanitize("Cafe\u0301.txt")).isEqualTo("Café.txt");
    }
}

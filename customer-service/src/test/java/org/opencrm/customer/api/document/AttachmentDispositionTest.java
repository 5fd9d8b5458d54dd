package org.opencrm.customer.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class AttachmentDispositionTest {

    @Test
    void givesAnAsciiNameAndTheUtf8NameOfRfc8187() {
        assertThat(AttachmentDisposition.of("Übersicht März 2026.pdf")).isEqualTo(
                "attachment; filename=\"_bersicht M_rz 2026.pdf\"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz%202026.pdf");
    }

    @Test
    void nothingInTheNameEndsTheQuotedStringOrAddsAParameter() {
        String header = AttachmentDisposition.of("a\"; filename=evil.html; x=\"\\.pdf");
        assertThat(header).startsWith("attachment; filename=\"a_; filename=evil.html; x=__.pdf\"; filename*=UTF-8''");
        assertThat(header.substring(header.indexOf("filename*="))).doesNotContain("\"", ";", " ", "\\");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("a\"; filename=evil.html; x=\"\\.pdf");
    }

    @Test
    void keepsUnreservedCharactersReadable() {
        assertThat(AttachmentDisposition.percentEncoded("report_v1.2-final~(1).pdf"))
            .isEqualTo("report_v1.2-final~%281%29.pdf");
    }
}

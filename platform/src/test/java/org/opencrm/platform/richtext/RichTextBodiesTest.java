package org.opencrm.platform.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class RichTextBodiesTest {

    private final RichTextBodies bodies = new RichTextBodies(DataSize.ofBytes(64));

    @Test
    void storesTheSanitisedBody() {
        assertThat(bodies.required("body", "<p onclick=\"x()\">Call <b>Ada</b></p><script>alert(1)</script>"))
            .isEqualTo("<p>Call <b>Ada</b></p>");
    }

    @Test
    void refusesABodyWithNoTextLeftOnceSanitised() {
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> bodies.required("body", "<script>alert(1)</script><p> </p>"))
            .satisfies(e -> {
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                assertThat(e.getBody().getProperties()).containsKey("errors");
            });
    }

    @Test
    void refusesABodyLargerThanTheBoundOnceSanitised() {
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> bodies.optional("body", "<p>" + "a".repeat(65) + "</p>"));
        assertThat(bodies.optional("body", "<p>" + "a".repeat(40) + "<img src=x onerror=y></p>")).hasSizeLessThan(64);
    }

    @Test
    void treatsAnAbsentOptionalBodyAsEmpty() {
        assertThat(bodies.optional("body", null)).isEmpty();
    }
}

package org.opencrm.platform.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void readsTheTextWithBlocksAsSpacesAndEntitiesDecoded() {
        assertThat(PlainText.of("<h2>Call</h2><p>Ada &amp; Bob said <strong>yes</strong>&nbsp;&lt;3</p><ul><li>one</li>"
                + "<li>two</li></ul>line<br>break")).isEqualTo("Call Ada & Bob said yes <3 one two line break");
    }

    @Test
    void neverCountsScriptOrStyleContentAsText() {
        assertThat(PlainText.of("<script>alert(1)</script><style>p{}</style>visible")).isEqualTo("visible");
        assertThat(PlainText.of(null)).isEmpty();
    }

    @Test
    void cutsALongTextAtAWordAndEndsItWithAnEllipsis() {
        String text = "word ".repeat(100);

        String excerpt = PlainText.excerpt("<p>" + text + "</p>", 200);

        assertThat(excerpt).hasSizeLessThanOrEqualTo(200).endsWith("word…");
        assertThat(PlainText.excerpt("<p>short</p>", 200)).isEqualTo("short");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String excerpt = PlainText.excerpt(emoji.repeat(10), 6);

        assertThat(excerpt).hasSizeLessThanOrEqualTo(6).endsWith("…");
        assertThat(Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2))).isFalse();
    }

    @Test
    void refusesARoomTooSmallForAnything() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlainText.excerpt("x", 1));
    }
}

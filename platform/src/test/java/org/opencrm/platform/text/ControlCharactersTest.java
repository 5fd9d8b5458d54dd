package org.opencrm.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void allowsOrdinaryTextTabsLineBreaksAndPairedSurrogates() {
        assertThat(ControlCharacters.contains("Ada Lovelace\tline\r\nnext 😀 é")).isFalse();
    }

    @Test
    void findsNulOtherC0CharactersDelAndLoneSurrogates() {
        assertThat(ControlCharacters.contains("a\u0000")).isTrue();
        assertThat(ControlCharacters.contains("\u001b[31m")).isTrue();
        assertThat(ControlCharacters.contains("\u007f")).isTrue();
        assertThat(ControlCharacters.contains("x\ud83d")).isTrue();
        assertThat(ControlCharacters.contains("\ude00x")).isTrue();
    }
}

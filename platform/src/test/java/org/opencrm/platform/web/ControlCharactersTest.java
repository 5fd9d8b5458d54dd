package org.opencrm.platform.web;

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

    @Test
    void queryParametersWithControlCharactersOrBrokenEncodingAreNamed() {
        assertThat(QueryParameterFilter.invalidParameters("q=ada&size=5")).isEmpty();
        assertThat(QueryParameterFilter.invalidParameters("q=a%00b&size=5&cursor=%zz")).containsExactly("q", "cursor");
        assertThat(QueryParameterFilter.invalidParameters("q=%ED%A0%80&sort=%C3%28&name=J%C3%BCrgen+M")).containsExactly("q", "sort");
        assertThat(QueryParameterFilter.decodeOrNull("J%C3%BCrgen+M%C3%BCller")).isEqualTo("Jürgen Müller");
    }

    @Test
    void columnsBecomeFieldNames() {
        assertThat(IntegrityViolations.fieldOf("created_at")).isEqualTo("createdAt");
        assertThat(IntegrityViolations.fieldOf("email")).isEqualTo("email");
        assertThat(IntegrityViolations.fieldOf(null)).isNull();
    }
}

package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParameterFilterTest {

    @Test
    void queryParametersWithControlCharactersOrBrokenEncodingAreNamed() {
        assertThat(QueryParameterFilter.invalidParameters("q=ada&size=5")).isEmpty();
        assertThat(QueryParameterFilter.invalidParameters("q=a%00b&size=5&cursor=%zz")).containsExactly("q", "cursor");
        assertThat(QueryParameterFilter.invalidParameters("q=%ED%A0%80&sort=%C3%28&name=J%C3%BCrgen+M"))
            .containsExactly("q", "sort");
        assertThat(QueryParameterFilter.decodeOrNull("J%C3%BCrgen+M%C3%BCller")).isEqualTo("Jürgen Müller");
    }
}

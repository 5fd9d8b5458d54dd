package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchTextsTest {

    @Test
    void takesNoTextOrAtLeastThreeCharacters() {
        assertThat(SearchTexts.require(null)).isNull();
        assertThat(SearchTexts.require("   ")).isNull();
        assertThat(SearchTexts.require("ada")).isEqualTo("ada");
        assertThat(SearchTexts.require(" ada ")).isEqualTo(" ada "); // the search strips it
    }

    @Test
    void refusesOneOrTwoCharactersNamingQ() {
        for (String q : new String[] { "y", "yy", " li " }) {
            assertThatThrownBy(() -> SearchTexts.require(q)).isInstanceOfSatisfying(InvalidFieldException.class,
                    ex -> assertThat(ex.getBody().getProperties()).extractingByKey("errors").asString()
                        .contains("q", "must have at least 3 characters to search"));
        }
    }
}

package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class ControlCharacterRejectingModuleTest {

    record Contact(String name, List<String> tags) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addModule(new ControlCharacterRejectingModule()).build();

    @Test
    void refusesControlCharactersNamingTheField() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\\u0000b\"}", Contact.class))
            .isInstanceOfSatisfying(InvalidFormatException.class,
                    ex -> assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo("name"));
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"ok\",\"tags\":[\"x\\u001b\"]}", Contact.class))
            .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void keepsOrdinaryText() {
        assertThat(mapper.readValue("{\"name\":\"Ada\\tLovelace\\n\"}", Contact.class).name()).isEqualTo("Ada\tLovelace\n");
    }
}

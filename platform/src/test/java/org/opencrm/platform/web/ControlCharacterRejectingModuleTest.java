package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.text.ControlCharacters;

import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class ControlCharacterRejectingModuleTest {

    record Contact(String name, List<String> tags) {
    }

    record Link(UUID leadId) {
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
    void refusesAnIdOfControlCharactersInsteadOfReadingItAsNone() {
        assertThatThrownBy(() -> mapper.readValue("{\"leadId\":\"\\u0001\"}", Link.class))
            .isInstanceOfSatisfying(InvalidFormatException.class,
                    ex -> assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo("leadId"));
        assertThat(mapper.readValue("{\"leadId\":null}", Link.class).leadId()).isNull();
        UUID id = UUID.randomUUID();
        assertThat(mapper.readValue("{\"leadId\":\"" + id + "\"}", Link.class).leadId()).isEqualTo(id);
    }

    @Test
    void keepsOrdinaryText() {
        assertThat(mapper.readValue("{\"name\":\"Ada\\tLovelace\\n\"}", Contact.class).name()).isEqualTo("Ada\tLovelace\n");
    }
}

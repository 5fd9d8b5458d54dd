package org.opencrm.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.web.ProblemDetailsAdvice;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A type that asks for it refuses properties it does not have, at any depth, with a 400 naming the property; other
 * types keep Boot's leniency (the mapper skips what it does not know).
 */
class UnknownPropertyRejectionTest {

    @RejectUnknownProperties
    record Tile(String id, Integer width) {
    }

    @RejectUnknownProperties
    record Board(String name, List<Tile> tiles) {
    }

    record Lenient(String name) {
    }

    @RestController
    static class BoardController {

        @PostMapping("/boards")
        String save(@RequestBody Board board) {
            return board.name();
        }

        @PostMapping("/lenient")
        String lenient(@RequestBody Lenient lenient) {
            return lenient.name();
        }
    }

    /** As Boot configures its mapper (unknown properties skipped), with the platform's handler. */
    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addHandler(new UnknownPropertyRejection());
    }

    private final JsonMapper json = mapper().build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BoardController())
        .setControllerAdvice(new ProblemDetailsAdvice())
        .setMessageConverters(new StringHttpMessageConverter(), new JacksonJsonHttpMessageConverter(mapper()))
        .build();

    @Test
    void namesAnUnknownPropertyOfTheBody() throws Exception {
        mvc.perform(post("/boards").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Q3\",\"nmae\":\"x\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors.length()").value(1))
            .andExpect(jsonPath("$.errors[0].field").value("nmae"))
            .andExpect(jsonPath("$.errors[0].message").value("is not a property this request knows"));
    }

    @Test
    void namesAnUnknownPropertyNestedInAList() throws Exception {
        mvc.perform(post("/boards").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Q3\",\"tiles\":[{\"id\":\"a\",\"width\":2},{\"id\":\"b\",\"widht\":3}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("tiles[1].widht"));
    }

    @Test
    void acceptsTheTypesOwnProperties() throws Exception {
        mvc.perform(post("/boards").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Q3\",\"tiles\":[{\"id\":\"a\",\"width\":2}]}"))
            .andExpect(status().isOk())
            .andExpect(content().string("Q3"));
    }

    @Test
    void leavesOtherTypesLenient() throws Exception {
        mvc.perform(post("/lenient").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"extra\":1}"))
            .andExpect(status().isOk());
        assertThat(json.readValue("{\"name\":\"y\",\"extra\":[1,2]}", Lenient.class).name()).isEqualTo("y");
    }

    @Test
    void refusesWhenATreeIsConvertedToo() {
        // a custom widget's settings arrive as a tree and become a definition later, through the same mapper
        JsonNode tree = json.readTree("{\"id\":\"a\",\"colour\":\"red\"}");
        assertThatThrownBy(() -> json.treeToValue(tree, Tile.class))
            .isInstanceOf(UnrecognizedPropertyException.class)
            .hasMessageContaining("colour");
    }
}

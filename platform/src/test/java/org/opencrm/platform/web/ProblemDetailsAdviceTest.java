package org.opencrm.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A query parameter of the wrong type or format is a 400 problem naming it, bound one by one or as a record, in words a
 * client understands rather than Spring's conversion message with Java type names.
 */
class ProblemDetailsAdviceTest {

    enum Colour {
        RED, GREEN
    }

    record Query(UUID id, Colour colour, Instant from, @Pattern(regexp = "^[A-Z]{3}$") String currency) {
    }

    @RestController
    static class QueryController {

        @GetMapping("/one-by-one")
        String oneByOne(@RequestParam(required = false) UUID id, @RequestParam(required = false) Colour colour,
                @RequestParam(required = false) Instant from) {
            return "ok";
        }

        @GetMapping("/as-a-record")
        String asARecord(@Valid Query query) {
            return "ok";
        }
    }

    private final MockMvc mvc = mvc();

    @ParameterizedTest
    @CsvSource({ "/one-by-one, id, 42", "/one-by-one, colour, BLUE", "/one-by-one, from, yesterday",
            "/as-a-record, id, 42", "/as-a-record, colour, BLUE", "/as-a-record, from, yesterday" })
    void namesAParameterOfTheWrongTypeWithoutJavaTypes(String path, String name, String value) throws Exception {
        mvc.perform(get(path).param(name, value))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors.length()").value(1))
            .andExpect(jsonPath("$.errors[0].field").value(name))
            .andExpect(jsonPath("$.errors[0].message").value("has a value of the wrong type or format"));
    }

    @ParameterizedTest
    @CsvSource({ "/one-by-one, colour, GREEN", "/as-a-record, colour, GREEN", "/as-a-record, currency, EUR" })
    void acceptsAValidValue(String path, String name, String value) throws Exception {
        mvc.perform(get(path).param(name, value)).andExpect(status().isOk());
    }

    @Test
    void keepsAConstraintsOwnMessage() throws Exception {
        mvc.perform(get("/as-a-record").param("currency", "eur"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("currency"))
            .andExpect(jsonPath("$.errors[0].message").value("must match \"^[A-Z]{3}$\""));
    }

    private static MockMvc mvc() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return MockMvcBuilders.standaloneSetup(new QueryController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .setValidator(validator)
            .build();
    }
}

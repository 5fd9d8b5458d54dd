package org.opencrm.customer.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fixtures of the notes and communications tests: callers and customers. */
final class Notes {

    private Notes() {
    }

    /** A user with one role and their own subject, e.g. a second sales user. */
    static RequestPostProcessor user(String subject, String role) {
        return jwt().jwt(token -> token.subject(subject).claim("name", "User " + subject))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** A new customer created by this caller (who owns it, as its creator). */
    static String customerOf(MockMvc mvc, JsonMapper json, RequestPostProcessor creator) throws Exception {
        String body = mvc.perform(post("/api/v1/customers").with(creator).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Noted","email":"%s"}""".formatted(CustomerApiIT.unique("noted"))))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    static JsonNode read(JsonMapper json, String body) {
        return json.readTree(body);
    }

    /** A JSON string literal of any text. */
    static String quoted(JsonMapper json, String text) {
        return json.writeValueAsString(text);
    }
}

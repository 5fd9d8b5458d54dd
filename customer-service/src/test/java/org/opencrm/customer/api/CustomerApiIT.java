package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void createsReadsUpdatesAndDeletesACustomer() throws Exception {
        String email = unique("grace");
        JsonNode created = body(mvc.perform(post("/api/v1/customers").with(as("sales"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":" Grace Hopper ","email":"%s","phone":"+1 555 0100"}""".formatted(email)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", startsWith("/api/v1/customers/")))
            .andExpect(jsonPath("$.name").value("Grace Hopper"))
            .andExpect(jsonPath("$.version").value(0))
            .andReturn().getResponse().getContentAsString());
        String id = created.get("id").asString();

        mvc.perform(get("/api/v1/customers/" + id).with(as("support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.email").value(email));

        mvc.perform(put("/api/v1/customers/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Grace B. Hopper","email":"%s","phone":null,"version":0}""".formatted(email)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("Grace B. Hopper"))
            .andExpect(jsonPath("$.version").value(1));

        mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + id).with(as("sales")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsInvalidFieldsWith400AndNamesThem() throws Exception {
        mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"","email":"not-an-email","phone":"call me"}"""))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'phone')]").exists())
            .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void rejectsMalformedJsonAndBadParametersWith400() throws Exception {
        mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/customers/not-a-uuid").with(as("sales"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers?cursor=garbage").with(as("sales"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers?size=5000").with(as("sales"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers?sort=email").with(as("sales"))).andExpect(status().isBadRequest());
    }

    @Test
    void rejectsADuplicateEmailWith409WhateverItsCase() throws Exception {
        String email = unique("dup");
        create("First", email).andExpect(status().isCreated());
        create("Second", email.toUpperCase())
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void createsOncePerIdempotencyKeyAndRefusesTheKeyForADifferentRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = unique("retry");
        String first = mvc.perform(createRequest("Retry", email).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(createRequest("Retry", email).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn().getResponse().getContentAsString();
        assertThat(body(again).get("id")).isEqualTo(body(first).get("id"));

        mvc.perform(createRequest("Someone else", unique("other")).header("Idempotency-Key", key))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsAStaleVersionWith409() throws Exception {
        String email = unique("stale");
        String id = body(create("Stale", email).andReturn().getResponse().getContentAsString()).get("id").asString();
        String update = """
                {"name":"Changed","email":"%s","version":0}""".formatted(email);
        mvc.perform(put("/api/v1/customers/" + id).with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content(update)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/customers/" + id).with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content(update))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.title").value("Modified concurrently"));
    }

    @Test
    void enforcesRolesPerOperation() throws Exception {
        mvc.perform(get("/api/v1/customers")).andExpect(status().isUnauthorized());
        create("Nobody", unique("support"), "support").andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String id = body(create("Kept", unique("kept")).andReturn().getResponse().getContentAsString()).get("id")
            .asString();
        mvc.perform(delete("/api/v1/customers/" + id).with(as("sales"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/" + id).with(as("sales"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/" + id)
                .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_customers:read"))))
            .andExpect(status().isOk());
    }

    @Test
    void pagesThroughSearchResultsWithACursorWithoutGapsOrRepeats() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String email = "page-" + tag + "-" + i + "@example.com";
            create("Pager " + tag + " " + i, email).andExpect(status().isCreated());
            expected.add(email);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get("/api/v1/customers").param("q", tag.toUpperCase())
                .param("size", "3").with(as("sales"));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = body(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("email").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        }
        while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JsonNode byName = body(mvc.perform(get("/api/v1/customers").param("q", tag).param("sort", "name")
                .param("size", "50").with(as("sales"))).andReturn().getResponse().getContentAsString());
        assertThat(byName.get("items")).extracting(item -> item.get("email").asString())
            .containsExactlyElementsOf(expected);
    }

    @Test
    void publishesItsOpenApiForTheGatewayWithoutAToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.servers[0].url").value("/"))
            .andExpect(jsonPath("$.paths['/api/v1/customers'].post").exists())
            .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    @Test
    void searchTreatsLikeWildcardsAsPlainText() throws Exception {
        create("Percent Person", unique("percent")).andExpect(status().isCreated());
        JsonNode page = body(mvc.perform(get("/api/v1/customers").param("q", "%_%").with(as("sales")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.get("items")).isEmpty();
    }

    @Test
    void searchRefusesATextTooShortForTheTrigramIndexes() throws Exception {
        mvc.perform(get("/api/v1/customers").param("q", " yy ").param("sort", "name").with(as("sales")))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("q"))
            .andExpect(jsonPath("$.errors[0].message").value("must have at least 3 characters to search"));
        mvc.perform(get("/api/v1/customers").param("q", " ").with(as("sales"))).andExpect(status().isOk());
    }

    private ResultActions create(String name, String email) throws Exception {
        return create(name, email, "sales");
    }

    private ResultActions create(String name, String email, String role) throws Exception {
        return mvc.perform(createRequest(name, email).with(as(role)));
    }

    private static MockHttpServletRequestBuilder createRequest(String name, String email) {
        return post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"name":"%s","email":"%s"}""".formatted(name, email));
    }

    private JsonNode body(String content) {
        return json.readTree(content);
    }

    static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("user-" + role).claim("name", "The " + role))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }
}

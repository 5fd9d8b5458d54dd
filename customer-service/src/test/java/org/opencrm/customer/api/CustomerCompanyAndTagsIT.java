package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Company and tags: stored normalised, searched (q also matches company and phone) and filtered (tag). */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerCompanyAndTagsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void storesCompanyAndTagsTrimmedLowerCaseOnceAndSorted() throws Exception {
        String email = unique("tagged");
        JsonNode created = body(create("""
                {"name":"Tagged","email":"%s","company":"  Initech  ","tags":["VIP"," newsletter","vip"]}"""
                .formatted(email)).andExpect(status().isCreated()));
        assertThat(created.get("company").asString()).isEqualTo("Initech");
        List<String> tags = new java.util.ArrayList<>();
        created.get("tags").forEach(tag -> tags.add(tag.asString()));
        assertThat(tags).containsExactly("newsletter", "vip");

        mvc.perform(put("/api/v1/customers/" + created.get("id").asString()).with(as("sales"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Tagged","email":"%s","company":"","tags":[],"version":0}""".formatted(email)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.company").doesNotExist())
            .andExpect(jsonPath("$.tags").isEmpty());
    }

    @Test
    void searchMatchesCompanyAndPhoneAndTheTagFilterNarrows() throws Exception {
        String company = "Umbrella-" + System.nanoTime();
        String phone = "+49 " + (System.nanoTime() % 100_000_000);
        String tagged = id(create("""
                {"name":"Alice","email":"%s","company":"%s","tags":["key-account"]}""".formatted(unique("a"), company)));
        String untagged = id(create("""
                {"name":"Bob","email":"%s","company":"%s"}""".formatted(unique("b"), company)));
        String byPhone = id(create("""
                {"name":"Carol","email":"%s","phone":"%s"}""".formatted(unique("c"), phone)));

        assertThat(ids(get("/api/v1/customers").param("q", company.toLowerCase()))).containsExactlyInAnyOrder(tagged,
                untagged);
        assertThat(ids(get("/api/v1/customers").param("q", company).param("tag", "KEY-ACCOUNT")))
            .containsExactly(tagged);
        assertThat(ids(get("/api/v1/customers").param("q", phone.substring(4)))).containsExactly(byPhone);
    }

    @Test
    void countsWhatTheSearchAndTagFilterMatch() throws Exception {
        String company = "Cyberdyne-" + System.nanoTime();
        for (String name : List.of("Ann", "Ben", "Cid")) {
            id(create("""
                    {"name":"%s","email":"%s","company":"%s","tags":["%s"]}""".formatted(name, unique(name), company,
                    name.equals("Cid") ? "partner" : "key-account")));
        }

        assertThat(count(get("/api/v1/customers/count").param("q", company)))
            .isEqualTo("{\"count\":3,\"capped\":false}");
        assertThat(count(get("/api/v1/customers/count").param("q", company).param("tag", "Key-Account")))
            .isEqualTo("{\"count\":2,\"capped\":false}");
        mvc.perform(get("/api/v1/customers/count").param("q", "cy").with(as("support")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void refusesBadTagsWith400NamingTheField() throws Exception {
        create("""
                {"name":"Bad","email":"%s","tags":["<script>"]}""".formatted(unique("bad")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("tags")));
        String many = String.join(",", java.util.Collections.nCopies(21, "\"t\""));
        create("""
                {"name":"Bad","email":"%s","tags":[%s]}""".formatted(unique("bad"), many))
            .andExpect(status().isBadRequest());
        create("""
                {"name":"Bad","email":"%s","tags":["%s"]}""".formatted(unique("bad"), "x".repeat(41)))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers").param("tag", "x".repeat(41)).with(as("sales")))
            .andExpect(status().isBadRequest());
    }

    private ResultActions create(String content) throws Exception {
        return mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content(content));
    }

    private String id(ResultActions created) throws Exception {
        return body(created.andExpect(status().isCreated())).get("id").asString();
    }

    private List<String> ids(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return body(mvc.perform(request.with(as("support"))).andExpect(status().isOk())).get("items")
            .findValuesAsString("id");
    }

    private String count(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(as("support"))).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

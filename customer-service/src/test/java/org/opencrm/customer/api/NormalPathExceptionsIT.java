package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exceptions cost a stack walk each: none may be thrown while requests succeed and their events leave. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class NormalPathExceptionsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsSearchesReadsWritesAndPublishesWithoutThrowing() throws Exception {
        assertThat(ThrownExceptions.during(this::everyUseCase)).isEmpty();
    }

    private void everyUseCase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = unique("normal-" + tag);
        JsonNode created = body(mvc.perform(post("/api/v1/customers").with(as("sales"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Normal %s","email":"%s","phone":"+1 555 0100"}""".formatted(tag, email)))
            .andExpect(status().isCreated()));
        String id = created.get("id").asString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Normal %s %d","email":"%s"}""".formatted(tag, i, unique("more-" + tag))))
                .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/customers/" + id).with(as("support"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/customers/" + id).with(as("sales")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"name":"Normal %s","email":"%s","phone":null,"version":0}""".formatted(tag, email)))
            .andExpect(status().isOk());
        for (String sort : new String[] { "created", "name" }) {
            JsonNode first = body(mvc.perform(get("/api/v1/customers").param("sort", sort).param("size", "2")
                .with(as("sales"))).andExpect(status().isOk()));
            mvc.perform(get("/api/v1/customers").param("sort", sort).param("size", "2")
                .param("cursor", first.get("nextCursor").asString()).with(as("sales"))).andExpect(status().isOk());
            JsonNode found = body(mvc.perform(get("/api/v1/customers").param("q", tag).param("sort", sort)
                .param("size", "2").with(as("sales"))).andExpect(status().isOk()));
            mvc.perform(get("/api/v1/customers").param("q", tag).param("sort", sort).param("size", "2")
                .param("cursor", found.get("nextCursor").asString()).with(as("sales"))).andExpect(status().isOk());
        }
        byte[] file = "Name;Email;Owner\nImported %s;%s;\nImported %s;%s;sales\n"
            .formatted(tag, unique("imported-" + tag), tag, unique("imported-" + tag)).getBytes(StandardCharsets.UTF_8);
        for (boolean dryRun : new boolean[] { true, false }) {
            mvc.perform(multipart("/api/v1/customers/import")
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", file))
                .param("dryRun", String.valueOf(dryRun))
                .with(as("sales"))).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
        }
        mvc.perform(get("/api/v1/customers/export").param("q", tag).with(as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/count").with(as("sales"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/count").param("q", tag).param("owner", "me").with(as("sales")))
            .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNoContent());
        // the relay's claim, send and mark are part of every write's path
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from outbox_event where published_at is null").query(Long.class).single() == 0);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

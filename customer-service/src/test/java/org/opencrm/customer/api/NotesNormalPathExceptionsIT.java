package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.Notes.customerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sanitising, excerpts, keyset pages and the communication log throw nothing on their normal paths. */
@ServiceIntegrationTest
class NotesNormalPathExceptionsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void addsListsRewritesDeletesAndLogsWithoutThrowing() throws Exception {
        assertThat(ThrownExceptions.during(this::everyUseCase)).isEmpty();
    }

    private void everyUseCase() throws Exception {
        String customer = customerOf(mvc, json, as("manager"));
        String notes = "/api/v1/customers/" + customer + "/notes";
        String id = null;
        for (int i = 0; i < 3; i++) {
            id = body(mvc.perform(post(notes).with(as("manager")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"<h2>Call %d</h2><p>With <a href=\\"https://example.com\\">a link</a> &amp; <script>x</script></p>"}"""
                    .formatted(i)))
                .andExpect(status().isCreated())).get("id").asString();
        }
        JsonNode first = body(mvc.perform(get(notes).param("size", "2").with(as("support"))).andExpect(status().isOk()));
        mvc.perform(get(notes).param("size", "2").param("cursor", first.get("nextCursor").asString()).with(as("support")))
            .andExpect(status().isOk());
        mvc.perform(get(notes + "/" + id).with(as("sales"))).andExpect(status().isOk());
        mvc.perform(put(notes + "/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON).content("""
                {"body":"<p>Rewritten</p>","version":0}""")).andExpect(status().isOk());
        mvc.perform(delete(notes + "/" + id).with(as("manager"))).andExpect(status().isNoContent());

        String log = "/api/v1/customers/" + customer + "/communications";
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(log).with(as("support")).contentType(MediaType.APPLICATION_JSON).content("""
                    {"type":"CALL","direction":"INBOUND","subject":"Call %d","body":"<p>Talked</p>","occurredAt":"%s",
                     "participants":["Ada"],"durationMinutes":5}""".formatted(i, Instant.now())))
                .andExpect(status().isCreated());
        }
        JsonNode page = body(mvc.perform(get(log).param("size", "2").with(as("sales"))).andExpect(status().isOk()));
        mvc.perform(get(log).param("size", "2").param("cursor", page.get("nextCursor").asString()).with(as("sales")))
            .andExpect(status().isOk());
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

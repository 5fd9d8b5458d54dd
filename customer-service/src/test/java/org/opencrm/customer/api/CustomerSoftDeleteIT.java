package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.customer.application.CustomerPurge;
import org.opencrm.customer.application.CustomerPurgeJob;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Soft delete → "Recently deleted" → restore, and the purge after the retention. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerSoftDeleteIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerPurge purge;

    @Autowired
    CustomerPurgeJob job;

    @Test
    void aDeletedCustomerLeavesListsSearchAndReadsAndComesBackWhenRestored() throws Exception {
        String marker = "softdel-" + UUID.randomUUID();
        String id = create(marker + " Ada", unique("softdel"));

        mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNotFound());
        assertThat(search(marker)).isEmpty();
        mvc.perform(put("/api/v1/customers/" + id).with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Zombie","email":"%s","version":0}""".formatted(unique("zombie"))))
            .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNotFound());
        JsonNode deleted = json.readTree(mvc.perform(get("/api/v1/customers/deleted").param("size", "200")
                .with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode entry = null;
        for (JsonNode item : deleted.get("items")) {
            if (item.get("id").asString().equals(id)) {
                entry = item;
            }
        }
        assertThat(entry).as("listed as recently deleted").isNotNull();
        assertThat(entry.get("deletedByName").asString()).isEqualTo("The manager");
        assertThat(Duration.between(Instant.parse(entry.get("deletedAt").asString()),
                Instant.parse(entry.get("purgeAt").asString()))).isEqualTo(Duration.ofDays(30));

        mvc.perform(post("/api/v1/customers/" + id + "/restore").with(as("manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/customers/" + id).with(as("sales"))).andExpect(status().isOk());
        assertThat(search(marker)).containsExactly(id);
        mvc.perform(post("/api/v1/customers/" + id + "/restore").with(as("manager")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(eventTypes(id)).containsExactly("customer.created", "customer.deleted", "customer.restored");
    }

    @Test
    void onlyManagersAndAdminsSeeAndRestoreDeletedCustomers() throws Exception {
        String id = create("Hidden", unique("hidden"));
        mvc.perform(delete("/api/v1/customers/" + id).with(as("admin"))).andExpect(status().isNoContent());

        for (String role : List.of("sales", "support")) {
            mvc.perform(get("/api/v1/customers/deleted").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/customers/" + id + "/restore").with(as(role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aDeletedCustomersEmailIsFreeAndRestoringItThenConflicts() throws Exception {
        String email = unique("reused");
        String first = create("First", email);
        mvc.perform(delete("/api/v1/customers/" + first).with(as("manager"))).andExpect(status().isNoContent());
        create("Second", email);

        mvc.perform(post("/api/v1/customers/" + first + "/restore").with(as("manager")))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void pagesThroughDeletedCustomersByCursorWithoutRepeats() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(delete("/api/v1/customers/" + create("Paged " + i, unique("paged"))).with(as("manager")))
                .andExpect(status().isNoContent());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/customers/deleted").param("size", "2").with(as("manager"));
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
        mvc.perform(get("/api/v1/customers/deleted").param("cursor", "garbage").with(as("manager")))
            .andExpect(status().isBadRequest());
    }

    @Test
    void purgesCustomersDeletedLongerAgoThanTheRetentionAndPublishesPurged() throws Exception {
        String due = create("Due", unique("due"));
        String recent = create("Recent", unique("recent"));
        String live = create("Live", unique("live"));
        for (String id : List.of(due, recent)) {
            mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNoContent());
        }
        backdateDeletion(due, Duration.ofDays(31));
        backdateDeletion(recent, Duration.ofDays(29));

        while (purge.purgeBatch() == purge.batchSize()) {
            // another test's due customers may fill whole batches
        }

        assertThat(exists(due)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(live)).isTrue();
        assertThat(eventTypes(due)).containsExactly("customer.created", "customer.deleted", "customer.purged");
        assertThat(eventTypes(recent)).doesNotContain("customer.purged");
        mvc.perform(post("/api/v1/customers/" + due + "/restore").with(as("manager"))).andExpect(status().isNotFound());
    }

    @Test
    void thePurgeJobSkipsItsRunWhileAnotherInstanceHoldsTheLock() throws Exception {
        String due = create("Locked", unique("locked"));
        mvc.perform(delete("/api/v1/customers/" + due).with(as("manager"))).andExpect(status().isNoContent());
        // another instance is purging: ShedLock's row for the job is held for a while yet
        jdbc.sql("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values ('customer-purge', timezone('utc', now()) + interval '5 minutes', timezone('utc', now()), 'other')
                on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
                """).update();
        backdateDeletion(due, Duration.ofDays(31));

        job.run();
        assertThat(exists(due)).as("skipped while the lock is held elsewhere").isTrue();

        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' "
                + "where name = 'customer-purge'").update();
        job.run();
        assertThat(exists(due)).isFalse();
    }

    private void backdateDeletion(String id, Duration ago) {
        jdbc.sql("update customer set deleted_at = now() - cast(:ago as interval) where id = :id")
            .param("ago", ago.toDays() + " days").param("id", UUID.fromString(id)).update();
    }

    private boolean exists(String id) {
        return jdbc.sql("select count(*) from customer where id = :id").param("id", UUID.fromString(id))
            .query(Long.class).single() == 1;
    }

    private List<String> eventTypes(String id) {
        return jdbc.sql("select type from outbox_event where aggregate_id = :id order by occurred_at, id")
            .param("id", id).query(String.class).list();
    }

    private List<String> search(String query) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/customers").param("q", query).with(as("support")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return page.get("items").findValuesAsString("id");
    }

    private String create(String name, String email) throws Exception {
        ResultActions created = mvc.perform(post("/api/v1/customers").with(as("sales"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","email":"%s"}""".formatted(name, email)));
        return json.readTree(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
            .get("id").asString();
    }
}

package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keyset pages stay consistent while others write: paging through a list while customers are created and deleted
 * (between the page reads, and at the same time from another thread) yields no customer twice and misses none that
 * existed throughout.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerCursorConsistencyIT {

    private static final int INITIAL = 60;

    private static final int PAGE = 7;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @ParameterizedTest
    @ValueSource(strings = { "created", "name" })
    void pagingWhileOthersCreateAndDeleteSeesEveryLongLivedCustomerOnce(String sort) throws Exception {
        String marker = "consistency-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < INITIAL; i++) {
            initial.add(create(marker + " " + (char) ('a' + i % 26) + i));
        }
        Random random = new Random(42);
        Set<String> deleted = new HashSet<>();
        List<String> seen = new ArrayList<>();
        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // another writer at the same time as the reads: creates and deletes newcomers until paging ends
            Future<Integer> concurrent = writer.submit(() -> {
                int writes = 0;
                while (paging.get()) {
                    String newcomer = create(marker + " " + (char) ('a' + random.nextInt(26)) + "-new");
                    mvc.perform(delete("/api/v1/customers/" + newcomer).with(as("manager")))
                        .andExpect(status().isNoContent());
                    writes++;
                }
                return writes;
            });
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = page(marker, sort, cursor);
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
                // between pages: one initial customer deleted, two created on either side of the cursor
                String victim = initial.get(random.nextInt(INITIAL));
                if (deleted.add(victim)) {
                    mvc.perform(delete("/api/v1/customers/" + victim).with(as("manager")))
                        .andExpect(status().isNoContent());
                }
                create(marker + " a-inserted-" + pages);
                create(marker + " z-inserted-" + pages);
                pages++;
            }
            while (cursor != null && pages < 100);
            paging.set(false);
            assertThat(concurrent.get()).as("writes alongside the paging").isPositive();
        }
        finally {
            paging.set(false);
            writer.shutdown();
        }

        assertThat(seen).as("no customer twice").doesNotHaveDuplicates();
        List<String> throughout = initial.stream().filter(id -> !deleted.contains(id)).toList();
        assertThat(deleted).as("some were deleted while paging").isNotEmpty();
        assertThat(seen).as("every customer that existed throughout").containsAll(throughout);
    }

    private JsonNode page(String marker, String sort, String cursor) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/customers").param("q", marker).param("sort", sort)
            .param("size", String.valueOf(PAGE)).with(as("support"));
        if (cursor != null) {
            request = request.param("cursor", cursor);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString());
    }

    private String create(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"%s","email":"%s"}""".formatted(name, unique("consistency"))))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}

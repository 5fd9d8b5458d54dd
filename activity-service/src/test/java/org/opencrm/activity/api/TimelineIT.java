package org.opencrm.activity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.opencrm.activity.support.Fixtures.as;
import static org.opencrm.activity.support.Fixtures.nameOf;
import static org.opencrm.activity.support.Fixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.activity.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The complete timeline: every kind of event, newest first, filters, the record-level rule, and stable pages. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:outage-test.properties")
class TimelineIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");

    private static final String LEADS = TestNamespace.topic("crm.lead");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(jdbc, json);
    }

    @Test
    void showsEveryKindOfEventNewestFirstAndFiltersByKind() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        String manager = unique("manager");
        String seller = unique("sales");
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        send(CUSTOMERS, customer, fixtures.envelope("customer.created", "customer", customer, t0, manager,
                Map.of("id", customer, "name", "Acme")));
        send(LEADS, lead, fixtures.envelope("lead.created", "lead", lead, t0.plusSeconds(1), manager,
                Map.of("leadId", lead, "customerId", customer, "title", "Renewal", "assignedTo", seller,
                        "assigneeName", nameOf(seller))));
        // a kind this service has no handler for yet: ignored, never an entry
        send(CUSTOMERS, customer, fixtures.envelope("customer.frobnicated", "customer", customer, t0.plusSeconds(2),
                manager, Map.of("customerId", customer)));
        awaitEntries(customer, 2);

        String followUp = json.readTree(mvc.perform(post("/api/v1/follow-ups").with(as(manager, "manager"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("customerId", customer, "leadId", lead, "title", "Call back",
                        "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "assignee", seller))))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        awaitEntries(customer, 3);

        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").with(as(manager, "manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(3))
            .andExpect(jsonPath("$.items[0].kind").value("follow-up"))
            .andExpect(jsonPath("$.items[0].type").value("follow-up.created"))
            .andExpect(jsonPath("$.items[0].summary").value("Follow-up Call back created for " + nameOf(seller)))
            .andExpect(jsonPath("$.items[0].actorId").value(manager))
            .andExpect(jsonPath("$.items[0].actorName").value(nameOf(manager)))
            .andExpect(jsonPath("$.items[0].leadId").value(lead.toString()))
            .andExpect(jsonPath("$.items[1].kind").value("lead"))
            .andExpect(jsonPath("$.items[1].summary").value("Lead Renewal created"))
            .andExpect(jsonPath("$.items[1].occurredAt").value(t0.plusSeconds(1).toString()))
            .andExpect(jsonPath("$.items[2].kind").value("customer"))
            .andExpect(jsonPath("$.items[2].summary").value("Customer Acme created"));
        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("kind", "customer, follow-up")
                .with(as(manager, "manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].kind").value("follow-up"))
            .andExpect(jsonPath("$.items[1].kind").value("customer"));
        mvc.perform(post("/api/v1/follow-ups/" + followUp + "/complete").with(as(seller, "sales")))
            .andExpect(status().isOk());
        awaitEntries(customer, 4);
        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("kind", "follow-up")
                .with(as(manager, "manager")))
            .andExpect(jsonPath("$.items[0].summary").value("Follow-up Call back done"))
            .andExpect(jsonPath("$.items[0].actorId").value(seller));

        // the feed names the customer of every entry, by the latest name this service heard of
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).with(as(manager, "manager")))
            .andExpect(jsonPath("$.items.length()").value(4))
            .andExpect(jsonPath("$.items[3].customerName").value("Acme"))
            .andExpect(jsonPath("$.items[0].customerName").value("Acme"));
        send(CUSTOMERS, customer, fixtures.envelope("customer.updated", "customer", customer, t0.plusSeconds(3),
                manager, Map.of("id", customer, "name", "Acme Holdings")));
        awaitEntries(customer, 5);
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).with(as(manager, "manager")))
            .andExpect(jsonPath("$.items.length()").value(5))
            .andExpect(jsonPath("$.items[*].customerName").value(everyItem(is("Acme Holdings"))));
    }

    @Test
    void refusesUnknownKindsAndCursorsOfAnotherFilter() throws Exception {
        UUID customer = UUID.randomUUID();
        seed(customer, 3, Instant.now());

        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("kind", "lead,gossip")
                .with(as("m", "manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("kind"));
        String cursor = page(customer, as("m", "manager"), null, 1, "customer").get("nextCursor").asString();
        mvc.perform(get("/api/v1/customers/" + customer + "/timeline").param("kind", "lead").param("cursor", cursor)
                .with(as("m", "manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID() + "/timeline").param("kind", "customer")
                .param("cursor", cursor).with(as("m", "manager")))
            .andExpect(status().isBadRequest());

        // the feed takes the same kinds, and its cursors hold for the kinds that issued them
        mvc.perform(get("/api/v1/activities").param("kind", "payment,gossip").with(as("m", "manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("kind"));
        String feedCursor = json.readTree(mvc.perform(get("/api/v1/activities").param("customerId", customer.toString())
                .param("kind", "customer").param("size", "1").with(as("m", "manager")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("nextCursor").asString();
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).param("kind", "lead")
                .param("cursor", feedCursor).with(as("m", "manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).param("kind", "customer")
                .param("cursor", feedCursor).with(as("m", "manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void salesUsersDoNotSeeEntriesAboutAnotherUsersLead() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        String salesA = unique("sales-a");
        String salesB = unique("sales-b");
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        acmeCreated(customer, t0);
        renewalCreated(customer, lead, salesA, t0.plusSeconds(1));
        renewalStarted(customer, lead, t0.plusSeconds(2));
        awaitEntries(customer, 3);

        assertThat(kinds(customer, as(salesA, "sales"))).containsExactly("lead", "lead", "customer");
        assertThat(kinds(customer, as(salesB, "sales"))).containsExactly("customer");
        assertThat(kinds(customer, as("someone", "support"))).hasSize(3);
        assertThat(kinds(customer, as("someone", "manager"))).hasSize(3);

        send(LEADS, lead, fixtures.envelope("lead.assigned", "lead", lead, t0.plusSeconds(3), "m",
                Map.of("leadId", lead, "customerId", customer, "title", "Renewal", "from", salesA, "assignee", salesB,
                        "assigneeName", nameOf(salesB))));
        awaitEntries(customer, 4);

        assertThat(kinds(customer, as(salesB, "sales"))).containsExactly("lead", "lead", "lead", "customer");
        assertThat(kinds(customer, as(salesA, "sales"))).containsExactly("customer");
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).with(as(salesA, "sales")))
            .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void listsALeadsEntriesAloneWithCursorsOfThatLead() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID otherLead = UUID.randomUUID();
        String salesA = unique("sales-a");
        String salesB = unique("sales-b");
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        acmeCreated(customer, t0);
        renewalCreated(customer, lead, salesA, t0.plusSeconds(1));
        send(LEADS, otherLead, fixtures.envelope("lead.created", "lead", otherLead, t0.plusSeconds(2), "m",
                Map.of("leadId", otherLead, "customerId", customer, "title", "Upsell", "assignedTo", salesB)));
        renewalStarted(customer, lead, t0.plusSeconds(3));
        awaitEntries(customer, 4);

        mvc.perform(get("/api/v1/activities").param("leadId", lead.toString()).with(as("m", "manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].action").value("lead.status-changed"))
            .andExpect(jsonPath("$.items[1].action").value("lead.created"))
            .andExpect(jsonPath("$.items[*].customerName").value(everyItem(is("Acme"))));
        // the record-level rule holds: another seller sees nothing of it
        mvc.perform(get("/api/v1/activities").param("leadId", lead.toString()).with(as(salesB, "sales")))
            .andExpect(jsonPath("$.items.length()").value(0));

        String cursor = json.readTree(mvc.perform(get("/api/v1/activities").param("leadId", lead.toString())
                .param("size", "1").with(as(salesA, "sales")))
            .andExpect(jsonPath("$.items[0].action").value("lead.status-changed"))
            .andReturn().getResponse().getContentAsString()).get("nextCursor").asString();
        mvc.perform(get("/api/v1/activities").param("leadId", lead.toString()).param("cursor", cursor)
                .with(as(salesA, "sales")))
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].action").value("lead.created"));
        // a lead's cursor does not page another lead's entries, nor the customer's
        mvc.perform(get("/api/v1/activities").param("leadId", otherLead.toString()).param("cursor", cursor)
                .with(as("m", "manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/activities").param("customerId", customer.toString()).param("cursor", cursor)
                .with(as("m", "manager")))
            .andExpect(status().isBadRequest());
    }

    @Test
    void putsALeadsNotesOnItsCustomersTimelineAsNotesAboutThatLead() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        String salesA = unique("sales-a");
        String salesB = unique("sales-b");
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        acmeCreated(customer, t0);
        renewalCreated(customer, lead, salesA, t0.plusSeconds(1));
        send(LEADS, lead, fixtures.envelope("lead.note-added", "lead", lead, t0.plusSeconds(2), salesA,
                Map.of("leadId", lead, "customerId", customer, "leadTitle", "Renewal", "noteId", note, "authorId",
                        salesA, "authorName", "Sam", "excerpt", "Budget approved", "occurredAt",
                        t0.plusSeconds(2).toString())));
        send(LEADS, lead, fixtures.envelope("lead.note-deleted", "lead", lead, t0.plusSeconds(3), salesA,
                Map.of("leadId", lead, "customerId", customer, "leadTitle", "Renewal", "noteId", note, "authorId",
                        salesA, "authorName", "Sam", "excerpt", "Budget approved")));
        awaitEntries(customer, 4);

        mvc.perform(get("/api/v1/activities").param("leadId", lead.toString()).param("kind", "note")
                .with(as(salesA, "sales")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].action").value("lead.note-deleted"))
            .andExpect(jsonPath("$.items[0].summary").value("Note on lead Renewal deleted: Budget approved"))
            .andExpect(jsonPath("$.items[1].summary").value("Note on lead Renewal added: Budget approved"))
            .andExpect(jsonPath("$.items[1].kind").value("note"));
        assertThat(kinds(customer, as("m", "manager"))).containsExactly("note", "note", "lead", "customer");
        // about a lead: another seller sees none of it
        assertThat(kinds(customer, as(salesB, "sales"))).containsExactly("customer");
    }

    /**
     * Pages through 400 entries, 7 at a time, while another thread keeps inserting entries at random times within
     * the same span and deleting some of the original ones: no entry may come twice, and every original entry that
     * was never deleted must come.
     */
    @Test
    void pagesStayConsistentWhileEntriesAreInsertedAndDeleted() throws Exception {
        UUID customer = UUID.randomUUID();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> original = seed(customer, 400, end);
        Set<UUID> deleted = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Random random = new Random(42);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                insert(customer, end.minusMillis(random.nextInt(400_000)));
                inserted.incrementAndGet();
                UUID victim = original.get(random.nextInt(original.size()));
                jdbc.sql("delete from activity where id = :id").param("id", victim).update();
                deleted.add(victim);
            }
        });
        writer.start();
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        try {
            do {
                JsonNode page = page(customer, as("m", "manager"), cursor, 7, null);
                page.get("items").forEach(item -> seen.add(UUID.fromString(item.get("id").asString())));
                JsonNode next = page.path("nextCursor");
                cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
                pages++;
            }
            while (cursor != null);
        }
        finally {
            writing.set(false);
            writer.join();
        }

        assertThat(inserted.get()).as("entries written while paging").isPositive();
        assertThat(pages).isGreaterThan(400 / 7);
        assertThat(seen).doesNotHaveDuplicates();
        Set<UUID> existedThroughout = new HashSet<>(original);
        existedThroughout.removeAll(deleted);
        assertThat(seen).containsAll(existedThroughout);
    }

    private List<String> kinds(UUID customer, RequestPostProcessor caller) throws Exception {
        List<String> kinds = new ArrayList<>();
        page(customer, caller, null, 50, null).get("items").forEach(item -> kinds.add(item.get("kind").asString()));
        return kinds;
    }

    private JsonNode page(UUID customer, RequestPostProcessor caller, String cursor, int size, String kind)
            throws Exception {
        var request = get("/api/v1/customers/" + customer + "/timeline").param("size", String.valueOf(size))
            .with(caller);
        if (cursor != null) {
            request = request.param("cursor", cursor);
        }
        if (kind != null) {
            request = request.param("kind", kind);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString());
    }

    /** {@code count} entries a millisecond apart, ending at {@code end}; several share a time to test the tie-break. */
    private List<UUID> seed(UUID customer, int count, Instant end) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(insert(customer, end.minusMillis(i - i % 3)));
        }
        return ids;
    }

    private UUID insert(UUID customer, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into activity (id, customer_id, kind, user_id, action, summary, occurred_at, event_id)
                values (:id, :customer, 'customer', 'seed', 'customer.updated', 'seeded', :at, :event)""")
            .param("id", id).param("customer", customer).param("at", at.atOffset(ZoneOffset.UTC))
            .param("event", UUID.randomUUID()).update();
        return id;
    }

    private void acmeCreated(UUID customer, Instant at) throws Exception {
        send(CUSTOMERS, customer, fixtures.envelope("customer.created", "customer", customer, at, "m",
                Map.of("id", customer, "name", "Acme")));
    }

    private void renewalCreated(UUID customer, UUID lead, String assignee, Instant at) throws Exception {
        send(LEADS, lead, fixtures.envelope("lead.created", "lead", lead, at, "m",
                Map.of("leadId", lead, "customerId", customer, "title", "Renewal", "assignedTo", assignee)));
    }

    private void renewalStarted(UUID customer, UUID lead, Instant at) throws Exception {
        send(LEADS, lead, fixtures.envelope("lead.status-changed", "lead", lead, at, "m",
                Map.of("leadId", lead, "customerId", customer, "title", "Renewal", "from", "NEW", "to",
                        "IN_PROGRESS")));
    }

    private void send(String topic, UUID key, String envelope) throws Exception {
        kafka.send(topic, key.toString(), envelope).get();
    }

    private void awaitEntries(UUID customer, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from activity where customer_id = :id").param("id", customer).query(Long.class)
            .single() == count);
    }
}

package org.opencrm.payment.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.payment.domain.KnownCustomer;
import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.payment.domain.KnownLead;
import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** Customers and leads become known from their events; late events never overwrite newer facts; a purge is final. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class KnownReferencesIT {

    private static final String CUSTOMERS = TestNamespace.topic("crm.customer");
    private static final String LEADS = TestNamespace.topic("crm.lead");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    KnownCustomers customers;

    @Autowired
    KnownLeads leads;

    @Autowired
    JdbcClient jdbc;

    @Test
    void knowsACustomersNameOwnerAndExistenceFromItsEventsInSpiteOfLateOnes() throws Exception {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        customerEvent(id, "customer.created", t0, Map.of("id", id, "name", "Ada", "ownerId", "user-1"));
        customerEvent(id, "customer.owner-changed", t0.plusMillis(2), Map.of("customerId", id, "from", "user-1",
                "to", "user-2"));
        customerEvent(id, "customer.updated", t0.plusMillis(3), Map.of("id", id, "name", "Ada Ltd"));
        // a late redelivery of older facts
        customerEvent(id, "customer.updated", t0.plusMillis(1), Map.of("id", id, "name", "Old name"));
        customerEvent(id, "customer.owner-changed", t0.plusMillis(1), Map.of("customerId", id, "from", "user-0",
                "to", "user-1"));
        customerEvent(id, "customer.deleted", t0.plusMillis(4), Map.of("id", id, "name", "Ada Ltd"));

        awaitCustomer(id, known -> known.deleted());
        assertThat(customers.find(id)).get().isEqualTo(new KnownCustomer(id, "Ada Ltd", "user-2", true));

        customerEvent(id, "customer.restored", t0.plusMillis(5), Map.of("customerId", id, "name", "Ada Ltd"));
        awaitCustomer(id, known -> !known.deleted());
        customerEvent(id, "customer.purged", t0.plusMillis(6), Map.of("customerId", id));
        customerEvent(id, "customer.restored", t0.plusMillis(7), Map.of("customerId", id, "name", "Ada Ltd"));
        UUID last = customerEvent(id, "customer.updated", t0.plusMillis(8), Map.of("id", id, "name", "Zombie"));
        // events of one key arrive in order: once the last is in the inbox, all were applied
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
            .sql("select count(*) from inbox_event where event_id = :id").param("id", last).query(Long.class)
            .single() == 1);
        assertThat(customers.find(id).get().name()).isEqualTo("Ada Ltd");
        assertThat(customers.find(id).get().deleted()).isTrue();
    }

    @Test
    void knowsALeadsCustomerAndAssigneeAndThatItsDeletionIsFinal() throws Exception {
        UUID customerId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        leadEvent(leadId, customerId, "lead.created", t0, Map.of("title", "Renewal", "assignedTo", "user-1"));
        leadEvent(leadId, customerId, "lead.assigned", t0.plusMillis(2), Map.of("title", "Renewal",
                "assignee", "user-2"));
        leadEvent(leadId, customerId, "lead.updated", t0.plusMillis(1), Map.of("title", "Old"));
        leadEvent(leadId, customerId, "lead.updated", t0.plusMillis(3), Map.of("title", "Renewal 2027"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leads.find(leadId).map(KnownLead::title)
            .filter("Renewal 2027"::equals).isPresent());
        assertThat(leads.find(leadId)).get().isEqualTo(new KnownLead(leadId, customerId, "Renewal 2027", "user-2",
                false));

        leadEvent(leadId, customerId, "lead.deleted", t0.plusMillis(4), Map.of("title", "Renewal 2027"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leads.find(leadId).get().deleted());
    }

    private void awaitCustomer(UUID id, java.util.function.Predicate<KnownCustomer> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<KnownCustomer> known = customers.find(id);
            return known.isPresent() && condition.test(known.get());
        });
    }

    private UUID customerEvent(UUID id, String type, Instant at, Map<String, Object> payload) throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(CUSTOMERS, id.toString(), envelope(eventId, type, "customer", id, at, payload)).get();
        return eventId;
    }

    private void leadEvent(UUID leadId, UUID customerId, String type, Instant at, Map<String, Object> fields)
            throws Exception {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("leadId", leadId);
        payload.put("customerId", customerId);
        kafka.send(LEADS, leadId.toString(), envelope(UUID.randomUUID(), type, "lead", leadId, at, payload)).get();
    }

    private String envelope(UUID eventId, String type, String aggregateType, UUID aggregateId, Instant at,
            Map<String, Object> payload) {
        return json.writeValueAsString(Map.ofEntries(Map.entry("id", eventId), Map.entry("type", type),
                Map.entry("version", 1), Map.entry("occurredAt", at.toString()),
                Map.entry("aggregateType", aggregateType), Map.entry("aggregateId", aggregateId.toString()),
                Map.entry("producer", aggregateType + "-service"), Map.entry("correlationId", "corr-" + aggregateId),
                Map.entry("actor", "user-9"), Map.entry("actorName", "Max Manager"), Map.entry("payload", payload)));
    }
}

package org.opencrm.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.reporting.domain.Period;
import org.opencrm.reporting.domain.SalesPerformanceRow;
import org.opencrm.reporting.domain.Statistics;
import org.opencrm.reporting.domain.Viewer;
import org.opencrm.reporting.support.Envelopes;
import org.opencrm.reporting.support.Envelopes.Event;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read models from the events of every topic: the same story told in order, and told backwards with every event
 * delivered twice, leaves the same rows and the same statistics.
 */
@ReportingIntegrationTest
class ReadModelsIT {

    @Autowired
    EventFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statistics statistics;

    @Test
    void buildsTheSameModelsWhateverTheOrderAndHoweverOftenEventsArrive() throws Exception {
        Instant t0 = Instant.parse("2301-03-01T00:00:00Z").plus((long) (Math.random() * 10_000), ChronoUnit.MINUTES)
            .truncatedTo(ChronoUnit.MICROS);
        Story inOrder = new Story(t0);
        Story backwards = new Story(t0);

        for (Event event : inOrder.events) {
            feed.send(event);
        }
        List<Event> reversed = new ArrayList<>(backwards.events);
        Collections.reverse(reversed);
        for (Event event : reversed) {
            feed.send(event);
            feed.send(event); // a redelivery
        }
        feed.awaitApplied(inOrder.events);
        feed.awaitApplied(backwards.events);

        Map<String, String> aToB = inOrder.idsMappedTo(backwards);
        for (String table : List.of("customer_fact", "lead_fact", "payment_fact", "follow_up_fact")) {
            for (Map.Entry<String, String> id : aToB.entrySet()) {
                if (id.getKey().startsWith("owner-") || id.getKey().startsWith("former-")) {
                    continue;
                }
                String a = row(table, "id", id.getKey());
                if (a != null) {
                    assertThat(row(table, "id", id.getValue())).as(table + " " + id.getKey())
                        .isEqualTo(replaceAll(a, aToB));
                }
            }
        }
        assertThat(replaceAll(rows("refund_fact", "payment_id", inOrder.payment), aToB))
            .isEqualTo(rows("refund_fact", "payment_id", backwards.payment));
        assertThat(replaceAll(activities(inOrder.customer), aToB)).isEqualTo(activities(backwards.customer));

        Period period = new Period(t0, t0.plus(Duration.ofDays(30)));
        var a = statistics.dashboard(Viewer.onlyOf(inOrder.owner), period, t0.plus(Duration.ofDays(60)));
        var b = statistics.dashboard(Viewer.onlyOf(backwards.owner), period, t0.plus(Duration.ofDays(60)));
        assertThat(b).isEqualTo(a);
        assertThat(a.wonLeads()).isEqualTo(1);
        assertThat(a.revenue()).extracting(m -> m.currency() + " " + m.amount()).containsExactly("EUR 1100.00");
        assertThat(a.followUpsDue()).isZero(); // done
        assertThat(statistics.salesPerformance(Viewer.onlyOf(backwards.owner), period, null))
            .usingRecursiveComparison().ignoringFields("userId")
            .isEqualTo(statistics.salesPerformance(Viewer.onlyOf(inOrder.owner), period, null));

        // people are known by the name the latest event gave them, however late the earlier ones came
        for (Story story : List.of(inOrder, backwards)) {
            assertThat(jdbc.sql("select name from user_name where user_id = :id").param("id", story.owner)
                .query(String.class).single()).isEqualTo("Olivia Owner");
            assertThat(jdbc.sql("select name from user_name where user_id = :id").param("id", story.formerOwner)
                .query(String.class).single()).isEqualTo("Frances Former");
        }
        assertThat(statistics.salesPerformance(Viewer.onlyOf(inOrder.owner), period, null))
            .extracting(SalesPerformanceRow::userName).containsExactly("Olivia Owner");

        // the purged customer stays purged, the deleted-then-restored one exists, the lead deleted stays deleted
        assertThat(jdbc.sql("select purged from customer_fact where id = :id").param("id", backwards.purgedCustomer)
            .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select deleted from customer_fact where id = :id").param("id", backwards.customer)
            .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select owner_id from customer_fact where id = :id").param("id", backwards.customer)
            .query(String.class).single()).isEqualTo(backwards.owner);
    }

    private String row(String table, String column, UUID id) {
        return jdbc.sql("select cast(row_to_json(t) as text) from " + table + " t where " + column + " = :id")
            .param("id", id).query(String.class).optional().orElse(null);
    }

    private String row(String table, String column, String id) {
        return row(table, column, UUID.fromString(id));
    }

    private String rows(String table, String column, UUID id) {
        return jdbc.sql("select cast(json_agg(t order by t.refunded_at) as text) from (select payment_id, customer_id,"
                + " lead_id, amount, currency, refunded_at from " + table + " where " + column + " = :id) t")
            .param("id", id).query(String.class).single();
    }

    private String activities(UUID customer) {
        return jdbc.sql("select cast(json_agg(t order by t.occurred_at, t.kind) as text) from (select kind, customer_id,"
                + " lead_id, actor_id, occurred_at from activity_fact where customer_id = :id) t")
            .param("id", customer).query(String.class).single();
    }

    private static String replaceAll(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> entry : replacements.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** One customer's life with a lead won and paid (partly refunded), a lost lead, a follow-up, notes; its events. */
    static final class Story {

        final String owner = "owner-" + UUID.randomUUID();
        final String formerOwner = "former-" + UUID.randomUUID();
        final UUID customer = UUID.randomUUID();
        final UUID purgedCustomer = UUID.randomUUID();
        final UUID wonLead = UUID.randomUUID();
        final UUID lostLead = UUID.randomUUID();
        final UUID payment = UUID.randomUUID();
        final UUID refund = UUID.randomUUID();
        final UUID followUp = UUID.randomUUID();
        final List<Event> events = new ArrayList<>();

        Story(Instant t0) {
            Instant t = t0;
            add("customer.created", customer, t, Map.of("id", customer, "name", "Ada", "tags", List.of("vip"),
                    "ownerId", formerOwner, "ownerName", "Fran Former", "createdAt", t.toString()));
            add("customer.owner-changed", customer, t = t.plusSeconds(60), Map.of("customerId", customer,
                    "from", formerOwner, "to", owner, "toName", "Olive Owner"));
            add("customer.updated", customer, t = t.plusSeconds(60), Map.of("id", customer, "name", "Ada",
                    "tags", List.of("vip", "eu")));
            add("customer.deleted", customer, t = t.plusSeconds(60), Map.of("id", customer, "name", "Ada"));
            add("customer.restored", customer, t = t.plusSeconds(60), Map.of("customerId", customer, "name", "Ada"));
            add("customer.note-added", customer, t = t.plusSeconds(60), Map.of("customerId", customer,
                    "occurredAt", t.toString()));
            add("customer.communication-logged", customer, t = t.plusSeconds(60), Map.of("customerId", customer,
                    "type", "CALL", "occurredAt", t.minusSeconds(30).toString()));
            add("lead.created", wonLead, t = t.plusSeconds(60), lead(wonLead, Map.of("source", "WEB",
                    "value", "1000.00", "currency", "EUR", "status", "NEW", "assignedTo", formerOwner,
                    "assigneeName", "Frances Former")));
            add("lead.assigned", wonLead, t = t.plusSeconds(60), lead(wonLead, Map.of("assignee", owner,
                    "assigneeName", "Olivia Owner")));
            add("lead.note-added", wonLead, t = t.plusSeconds(60), Map.of("leadId", wonLead,
                    "customerId", customer, "leadTitle", "Renewal", "noteId", UUID.randomUUID(),
                    "occurredAt", t.toString()));
            add("lead.updated", wonLead, t = t.plusSeconds(60), lead(wonLead, Map.of("source", "REFERRAL",
                    "value", "1200.00", "currency", "EUR")));
            add("lead.status-changed", wonLead, t = t.plusSeconds(60), lead(wonLead, Map.of("from", "NEW",
                    "to", "IN_PROGRESS")));
            add("lead.status-changed", wonLead, t = t.plusSeconds(3600), lead(wonLead, Map.of("from",
                    "IN_PROGRESS", "to", "CLOSED_WON")));
            add("lead.created", lostLead, t = t.plusSeconds(60), lead(lostLead, Map.of("source", "WEB",
                    "value", "300", "currency", "USD", "status", "NEW", "assignedTo", owner)));
            add("lead.status-changed", lostLead, t = t.plusSeconds(60), lead(lostLead, Map.of("from", "NEW",
                    "to", "CLOSED_LOST", "reason", "No budget")));
            add("lead.deleted", lostLead, t = t.plusSeconds(60), lead(lostLead, Map.of()));
            add("payment.recorded", payment, t = t.plusSeconds(60), payment(Map.of("amount", "1200.00",
                    "status", "PENDING", "method", "CARD")));
            add("payment.status-changed", payment, t = t.plusSeconds(60), payment(Map.of("amount", "1200.00",
                    "from", "PENDING", "to", "COMPLETED")));
            add("payment.refunded", payment, t = t.plusSeconds(60), payment(Map.of("refundId", refund,
                    "amount", "100.00", "refundedAmount", "100.00", "status", "PARTIALLY_REFUNDED")));
            add("follow-up.created", followUp, t = t.plusSeconds(60), followUp(t, "OPEN", t.plusSeconds(600)));
            add("follow-up.updated", followUp, t = t.plusSeconds(60), followUp(t, "OPEN", t.plusSeconds(7200)));
            add("follow-up.due", followUp, t = t.plusSeconds(7200), followUp(t, "OPEN", t));
            add("follow-up.completed", followUp, t = t.plusSeconds(60), followUp(t, "DONE", t.minusSeconds(60)));
            add("customer.created", purgedCustomer, t = t.plusSeconds(60), Map.of("id", purgedCustomer,
                    "name", "Gone", "ownerId", owner));
            add("customer.deleted", purgedCustomer, t = t.plusSeconds(60), Map.of("id", purgedCustomer,
                    "name", "Gone"));
            add("customer.purged", purgedCustomer, t = t.plusSeconds(60), Map.of("customerId", purgedCustomer));
        }

        private Map<String, Object> lead(UUID lead, Map<String, Object> fields) {
            Map<String, Object> payload = new HashMap<>(fields);
            payload.put("leadId", lead);
            payload.put("customerId", customer);
            payload.put("title", "Renewal");
            return payload;
        }

        private Map<String, Object> payment(Map<String, Object> fields) {
            Map<String, Object> payload = new HashMap<>(fields);
            payload.put("paymentId", payment);
            payload.put("customerId", customer);
            payload.put("leadId", wonLead);
            payload.put("currency", "EUR");
            return payload;
        }

        private Map<String, Object> followUp(Instant at, String status, Instant due) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("followUpId", followUp);
            payload.put("customerId", customer);
            payload.put("leadId", wonLead);
            payload.put("title", "Call back");
            payload.put("dueAt", due.toString());
            payload.put("assignee", owner);
            payload.put("status", status);
            payload.put("occurredAt", at.toString());
            payload.put("actorId", owner);
            return payload;
        }

        private void add(String type, UUID aggregate, Instant at, Map<String, Object> payload) {
            events.add(Envelopes.of(type, aggregate, at, payload));
        }

        Map<String, String> idsMappedTo(Story other) {
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(customer.toString(), other.customer.toString());
            ids.put(purgedCustomer.toString(), other.purgedCustomer.toString());
            ids.put(wonLead.toString(), other.wonLead.toString());
            ids.put(lostLead.toString(), other.lostLead.toString());
            ids.put(payment.toString(), other.payment.toString());
            ids.put(refund.toString(), other.refund.toString());
            ids.put(followUp.toString(), other.followUp.toString());
            ids.put(owner, other.owner);
            ids.put(formerOwner, other.formerOwner);
            return ids;
        }
    }
}

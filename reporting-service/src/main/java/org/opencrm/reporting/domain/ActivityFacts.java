package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Work done with customers, one row per event: the event id is the key, so a duplicate is the same row. */
@Repository
public class ActivityFacts {

    private final JdbcClient jdbc;

    public ActivityFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void happened(UUID eventId, String kind, UUID customerId, UUID leadId, String actorId, Instant at) {
        jdbc.sql("""
                insert into activity_fact (event_id, kind, customer_id, lead_id, actor_id, occurred_at)
                values (:eventId, :kind, :customerId, :leadId, :actorId, :at) on conflict do nothing""")
            .param("eventId", eventId).param("kind", kind).param("customerId", customerId).param("leadId", leadId)
            .param("actorId", actorId).param("at", utc(at)).update();
    }
}

package org.opencrm.lead.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All leads of one customer at once, in SQL: a customer may have thousands, and loading each as an entity would hold
 * them all in memory and cost a round trip each. What hangs off a lead goes with it (scores, score history, assignments
 * by cascade; the board's totals by their trigger's deltas).
 */
@Repository
public class CustomerLeads {

    /** What a removed lead's {@code lead.deleted} tells. */
    public record RemovedLead(UUID id, UUID customerId, String title) {
    }

    private final JdbcClient jdbc;

    public CustomerLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the customer's leads and their field history (erasure keeps no trace of them); returns what went. */
    public List<RemovedLead> removeAll(UUID customerId, String aggregateType) {
        jdbc.sql("""
                delete from field_change where aggregate_type = :aggregateType
                    and aggregate_id in (select id from lead where customer_id = :customerId)
                """)
            .param("aggregateType", aggregateType).param("customerId", customerId).update();
        return jdbc.sql("delete from lead where customer_id = :customerId returning id, customer_id, title")
            .param("customerId", customerId)
            .query((rs, row) -> new RemovedLead(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3)))
            .list();
    }
}

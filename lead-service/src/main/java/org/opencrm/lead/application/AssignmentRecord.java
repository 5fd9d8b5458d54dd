package org.opencrm.lead.application;

import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.security.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the trigger that records every change of assignee ({@code lead_assignment}) who made the change in this
 * transaction, and by which strategy when it was automatic: transaction-local settings the trigger reads, so call it
 * inside the transaction that writes the lead.
 */
@Component
class AssignmentRecord {

    private final JdbcClient jdbc;

    AssignmentRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An assignment the caller chose (or took, creating a lead for themself). */
    void byCaller() {
        set("", actor());
    }

    /** An assignment made by {@code strategy} for whoever is calling (the system when nobody is). */
    void byStrategy(String strategy) {
        set(strategy, actor());
    }

    private static String actor() {
        return CurrentActor.id().orElse(OutboxWriter.SYSTEM_ACTOR);
    }

    private void set(String strategy, String actor) {
        jdbc.sql("select set_config('crm.assignment_strategy', ?, true), set_config('crm.actor', ?, true)")
            .params(strategy, actor)
            .query((rs, row) -> row).list();
    }
}

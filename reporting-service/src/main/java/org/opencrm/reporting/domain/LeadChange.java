package org.opencrm.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What one lead event says about the lead of {@code customerId}, as of {@code at}: each part is set only when the
 * event speaks of it ({@code describes}, {@code setsAssignee}: "none" is a value too), so that {@link LeadFacts}
 * applies an event in one statement.
 */
public record LeadChange(UUID customerId, Instant at, Instant createdAt, boolean describes, String source,
        BigDecimal value, String currency, boolean setsAssignee, String assignee, String status, boolean delete) {

    public static LeadChange of(UUID customerId, Instant at) {
        return new LeadChange(customerId, at, null, false, null, null, null, false, null, null, false);
    }

    /** Created at {@code createdAt}: the earliest creation heard of is kept. */
    public LeadChange created(Instant createdAt) {
        return new LeadChange(customerId, at, createdAt, describes, source, value, currency, setsAssignee, assignee,
                status, delete);
    }

    public LeadChange described(String source, BigDecimal value, String currency) {
        return new LeadChange(customerId, at, createdAt, true, source, value, currency, setsAssignee, assignee, status,
                delete);
    }

    public LeadChange assignee(String assignee) {
        return new LeadChange(customerId, at, createdAt, describes, source, value, currency, true, assignee, status,
                delete);
    }

    public LeadChange status(String status) {
        return new LeadChange(customerId, at, createdAt, describes, source, value, currency, setsAssignee, assignee,
                status, delete);
    }

    public LeadChange deleted() {
        return new LeadChange(customerId, at, createdAt, describes, source, value, currency, setsAssignee, assignee,
                status, true);
    }

    boolean closes() {
        return "CLOSED_WON".equals(status) || "CLOSED_LOST".equals(status);
    }
}

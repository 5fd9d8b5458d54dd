package org.opencrm.reporting.domain;

import java.time.Instant;
import java.util.List;

/**
 * What one customer event says about the customer, as of {@code at}: each part is set only when the event speaks of
 * it ({@code setsOwner} because "no owner" is an owner too), so that {@link CustomerFacts} applies an event in one
 * statement.
 */
public record CustomerChange(Instant at, Instant createdAt, boolean setsOwner, String owner, List<String> tags,
        Boolean deleted, boolean purge) {

    public static CustomerChange at(Instant at) {
        return new CustomerChange(at, null, false, null, null, null, false);
    }

    /** Created at {@code createdAt}: the earliest creation heard of is kept. */
    public CustomerChange created(Instant createdAt) {
        return new CustomerChange(at, createdAt, setsOwner, owner, tags, deleted, purge);
    }

    public CustomerChange owner(String owner) {
        return new CustomerChange(at, createdAt, true, owner, tags, deleted, purge);
    }

    public CustomerChange tags(List<String> tags) {
        return new CustomerChange(at, createdAt, setsOwner, owner, tags, deleted, purge);
    }

    public CustomerChange deleted(boolean deleted) {
        return new CustomerChange(at, createdAt, setsOwner, owner, tags, deleted, purge);
    }

    public CustomerChange purged() {
        return new CustomerChange(at, createdAt, setsOwner, owner, tags, deleted, true);
    }

    /** Whether it may move the customer's payments, refunds and follow-ups between owners or out of the counts. */
    boolean mayMoveOwned() {
        return setsOwner || purge;
    }
}

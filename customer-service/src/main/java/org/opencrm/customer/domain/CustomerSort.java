package org.opencrm.customer.domain;

import java.util.Locale;

import org.opencrm.platform.web.PageCursor;

/** The orders a customer list can be read in; each has a keyset index. */
public enum CustomerSort {

    /** Newest first. */
    CREATED("created_at desc, id desc", "(created_at, id) < (:after, :afterId)"),

    /** Alphabetical, case-insensitive. */
    NAME("lower(name), id", "(lower(name), id) > (:after, :afterId)");

    private final String orderBy;
    private final String after;

    CustomerSort(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    String orderBy() {
        return orderBy;
    }

    String afterCondition() {
        return after;
    }

    public PageCursor cursorAfter(CustomerRow customer) {
        String key = this == CREATED ? customer.createdAt().toString() : customer.name().toLowerCase(Locale.ROOT);
        return new PageCursor(key, customer.id());
    }
}

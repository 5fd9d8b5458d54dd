package org.opencrm.customer.domain;

import java.sql.Timestamp;
import java.util.Locale;

import org.opencrm.platform.paging.PageCursor;

/** The orders a customer list can be read in; each has a keyset index. */
public enum CustomerSort {

    /** Newest first. */
    CREATED("customers.created", "created_at desc, id desc", "(created_at, id) < (:after, :afterId)"),

    /** Alphabetical, case-insensitive. */
    NAME("customers.name", "lower(name), id", "(lower(name), id) > (:after, :afterId)");

    /** The name column's length: no name-sort cursor key can be longer. */
    static final int MAX_NAME_LENGTH = 200;

    private final String list;
    private final String orderBy;
    private final String after;

    CustomerSort(String list, String orderBy, String after) {
        this.list = list;
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The cursor a page of this order ended with; invalid when another order or another list issued it. */
    public PageCursor decodeCursor(String cursor) {
        return PageCursor.decode(cursor, list);
    }

    /** The cursor's key as a bind value of {@link #afterCondition()}; invalid when it cannot be one. */
    Object keyOf(PageCursor cursor) {
        return this == CREATED ? Timestamp.from(cursor.instantKey()) : cursor.textKey(MAX_NAME_LENGTH);
    }

    String orderBy() {
        return orderBy;
    }

    String afterCondition() {
        return after;
    }

    public PageCursor cursorAfter(CustomerRow customer) {
        String key = this == CREATED ? customer.createdAt().toString() : customer.name().toLowerCase(Locale.ROOT);
        return new PageCursor(list, key, customer.id());
    }
}

package org.opencrm.customer.domain;

import java.time.Instant;

import org.opencrm.platform.paging.PageCursor;

/** A deleted customer as "Recently deleted" lists it: when and by whom it was deleted. */
public record DeletedCustomerRow(CustomerRow customer, Instant deletedAt, String deletedBy, String deletedByName) {

    /** The cursors of this list. */
    public static final String LIST = "customers.deleted";

    public static PageCursor decodeCursor(String cursor) {
        return PageCursor.decode(cursor, LIST);
    }

    public PageCursor cursor() {
        return new PageCursor(LIST, deletedAt.toString(), customer.id());
    }
}

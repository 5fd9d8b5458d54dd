package org.opencrm.lead.domain;

import java.sql.Timestamp;

import org.opencrm.platform.paging.PageCursor;

/** The orders a lead list can be read in, newest or biggest first; each has a keyset index. */
public enum LeadSort {

    /** Newest first; also the order of each board column. */
    CREATED("leads.created", "l.created_at desc, l.id desc", "(l.created_at, l.id) < (:after, :afterId)",
            "created_at desc, id desc"),

    /** Biggest value first (amounts compared as numbers, whatever their currency). */
    VALUE("leads.value", "l.value desc, l.id desc", "(l.value, l.id) < (:after, :afterId)", "value desc, id desc"),

    /** Best score first; leads not scored yet last. */
    SCORE("leads.score", "coalesce(s.score, -1) desc, s.lead_id desc",
            "(coalesce(s.score, -1), s.lead_id) < (:after, :afterId)", "coalesce(score, -1) desc, id desc");

    private final String list;
    private final String orderBy;
    private final String after;
    private final String orderOfRows;

    LeadSort(String list, String orderBy, String after, String orderOfRows) {
        this.list = list;
        this.orderBy = orderBy;
        this.after = after;
        this.orderOfRows = orderOfRows;
    }

    /** The cursor a page of this order ended with; invalid when another order or another list issued it. */
    public PageCursor decodeCursor(String cursor) {
        PageCursor decoded = PageCursor.decode(cursor, list);
        if (decoded != null) {
            keyOf(decoded); // refuses a key this order cannot compare before any query runs
        }
        return decoded;
    }

    Object keyOf(PageCursor cursor) {
        return switch (this) {
            case CREATED -> Timestamp.from(cursor.instantKey());
            case VALUE -> cursor.decimalKey();
            case SCORE -> cursor.decimalKey().intValue();
        };
    }

    String orderBy() {
        return orderBy;
    }

    /** The same order over the rows a list query returns (its columns by their names, no table aliases). */
    String orderOfRows() {
        return orderOfRows;
    }

    String afterCondition() {
        return after;
    }

    public PageCursor cursorAfter(LeadRow lead) {
        String key = switch (this) {
            case CREATED -> lead.createdAt().toString();
            case VALUE -> lead.value().toPlainString();
            case SCORE -> String.valueOf(lead.score() == null ? -1 : lead.score());
        };
        return new PageCursor(list, key, lead.id());
    }
}

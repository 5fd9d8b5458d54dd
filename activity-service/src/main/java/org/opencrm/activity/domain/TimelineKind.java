package org.opencrm.activity.domain;

import java.util.List;

/**
 * What a timeline entry is about, the timeline's filter ({@code ?kind=}). An entry's kind follows from its event type
 * unless its handler names one: a new kind of event needs only a handler that records an entry.
 */
public final class TimelineKind {

    public static final String CUSTOMER = "customer";
    public static final String LEAD = "lead";
    public static final String NOTE = "note";
    public static final String DOCUMENT = "document";
    public static final String COMMUNICATION = "communication";
    public static final String FOLLOW_UP = "follow-up";
    public static final String PAYMENT = "payment";

    /** A lead's new score: what the scoring says after each change of a lead, apart from what people did. */
    public static final String SCORE = "score";

    /** Every kind a client may filter by. */
    public static final List<String> ALL = List.of(CUSTOMER, LEAD, NOTE, DOCUMENT, COMMUNICATION, FOLLOW_UP, PAYMENT,
            SCORE);

    private TimelineKind() {
    }

    /**
     * {@code customer.note-added} and {@code lead.note-added} are notes, {@code lead.assigned} a lead,
     * {@code customer.updated} the customer.
     */
    public static String of(String eventType) {
        if (eventType.startsWith("customer.note-") || eventType.startsWith("lead.note-")) {
            return NOTE;
        }
        if (eventType.startsWith("customer.document-")) {
            return DOCUMENT;
        }
        if (eventType.startsWith("customer.communication-")) {
            return COMMUNICATION;
        }
        if (eventType.equals("lead.scored")) {
            return SCORE;
        }
        if (eventType.startsWith("lead.")) {
            return LEAD;
        }
        if (eventType.startsWith("follow-up.")) {
            return FOLLOW_UP;
        }
        if (eventType.startsWith("payment.")) {
            return PAYMENT;
        }
        return CUSTOMER;
    }

    public static boolean isKnown(String kind) {
        return ALL.contains(kind);
    }
}

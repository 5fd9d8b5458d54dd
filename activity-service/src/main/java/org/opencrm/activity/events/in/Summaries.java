package org.opencrm.activity.events.in;

/** How a timeline entry's summary reads. */
final class Summaries {

    private Summaries() {
    }

    /** "Note added: Wants a quote", or "Note added" when there is no detail to tell. */
    static String withDetail(String what, String detail) {
        return detail == null || detail.isBlank() ? what : what + ": " + detail;
    }
}

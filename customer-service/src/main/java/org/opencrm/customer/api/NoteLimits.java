package org.opencrm.customer.api;

/** Bounds checked before sanitising, so that the sanitiser never chews on more than this. */
final class NoteLimits {

    /** Characters of HTML a body may have as sent; the stored (sanitised) body is bounded by crm.notes.max-body-size. */
    static final int MAX_RAW_BODY = 300_000;

    private NoteLimits() {
    }
}

package org.opencrm.platform.web;

/** Looks through an exception's cause chain: Spring and the JDBC driver wrap what the advice has to recognise. */
final class Causes {

    private Causes() {
    }

    /** The first throwable in {@code ex}'s cause chain (itself included) that is a {@code type}, or null. */
    static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

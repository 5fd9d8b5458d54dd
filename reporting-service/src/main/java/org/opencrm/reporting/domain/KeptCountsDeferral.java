package org.opencrm.reporting.domain;

/**
 * Events applied on this thread without moving their kept counts: a replay applies the facts of millions of events
 * and then counts them all at once ({@link RebuildSchema#recountKeptCounts}), which costs a fraction of moving buckets
 * event by event (up to a dozen statements each). Every other change of the read models moves them as it happens.
 */
public final class KeptCountsDeferral {

    private static final ThreadLocal<Boolean> DEFERRED = new ThreadLocal<>();

    private KeptCountsDeferral() {
    }

    public static void during(Runnable work) {
        DEFERRED.set(Boolean.TRUE);
        try {
            work.run();
        }
        finally {
            DEFERRED.remove();
        }
    }

    static boolean active() {
        return DEFERRED.get() != null;
    }
}

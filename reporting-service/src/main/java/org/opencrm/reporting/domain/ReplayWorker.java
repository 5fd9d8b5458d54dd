package org.opencrm.reporting.domain;

/**
 * This thread applies events as one of a rebuild's replay workers, which apply the partitions' events side by side
 * into the rebuild's schema. Their events write the facts alone: the kept counts are counted once at the end
 * ({@link RebuildSchema#recountKeptCounts}), a fraction of moving buckets event by event (up to a dozen statements
 * each), and no kept count's lock is taken. The user names, the one table the events of every partition write, are
 * written as their transaction commits, in the order of their keys ({@link UserNames}), so that two workers'
 * transactions never wait for each other in a circle. Every other change of the read models is applied as it comes.
 */
public final class ReplayWorker {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ReplayWorker() {
    }

    public static void run(Runnable work) {
        ACTIVE.set(Boolean.TRUE);
        try {
            work.run();
        }
        finally {
            ACTIVE.remove();
        }
    }

    static boolean active() {
        return ACTIVE.get() != null;
    }
}

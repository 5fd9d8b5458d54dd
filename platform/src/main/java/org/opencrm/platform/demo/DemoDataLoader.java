package org.opencrm.platform.demo;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a service's demo data once what it builds on has arrived. Other services create their demo records while
 * everything starts, and they reach this one as events: it waits until their count stops growing, then loads once,
 * off the start-up thread (a service must not wait for its peers to become healthy).
 */
public final class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final String what;

    private final String basis;

    private final Duration poll;

    private final int maxPolls;

    /**
     * @param what the demo data, as the log names it ("leads")
     * @param basis what it builds on, as the log names it ("customers")
     * @param poll how long between two counts of what arrived
     * @param maxPolls how many counts before giving up (nothing arrived, or it never settled)
     */
    public DemoDataLoader(String what, String basis, Duration poll, int maxPolls) {
        this.what = what;
        this.basis = basis;
        this.poll = poll;
        this.maxPolls = maxPolls;
    }

    /**
     * Counts {@code arrived} every poll; once it is above zero and unchanged since the poll before, runs {@code load}
     * (which loads only into an empty database and says how many records it created) on a daemon thread.
     */
    public Thread startWhenSettled(LongSupplier arrived, IntSupplier load) {
        Thread loader = new Thread(() -> loadWhenSettled(arrived, load), "demo-" + what);
        loader.setDaemon(true);
        loader.start();
        return loader;
    }

    private void loadWhenSettled(LongSupplier arrived, IntSupplier load) {
        try {
            long previous = -1;
            for (int round = 0; round < maxPolls; round++) {
                long count = arrived.getAsLong();
                if (count > 0 && count == previous) {
                    int created = load.getAsInt();
                    if (created > 0) {
                        log.info("Created {} demo {} across {} {}", created, what, count, basis);
                    }
                    return;
                }
                previous = count;
                Thread.sleep(poll.toMillis());
            }
            log.info("No demo {}: the {} did not arrive, or kept arriving, within {}", what, basis,
                    poll.multipliedBy(maxPolls));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            log.warn("Demo {} not created: {}", what, ex.getMessage());
        }
    }
}

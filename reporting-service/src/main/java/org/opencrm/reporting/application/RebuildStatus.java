package org.opencrm.reporting.application;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild by replay stands: {@code idle} (none yet), {@code running} (reading the topics into the rebuild
 * schema), {@code switching} (the live models become the rebuilt ones), {@code done} or {@code failed}
 * ({@code error} says why, also when its instance stopped before it ended; the live models are as they were).
 *
 * @param partitions per partition of the consumed topics: the next offset the rebuild reads and the offset it reads
 *        up to before switching
 * @param eventsApplied events applied to the rebuilt models so far
 * @param eventsPerSecond applied events per second of the whole run, once it ended
 */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, List<Partition> partitions,
        long eventsApplied, Long eventsPerSecond, String error) {

    public record Partition(String topic, int partition, long position, long end) {
    }

    static RebuildStatus idle() {
        return new RebuildStatus("idle", null, null, List.of(), 0, null, null);
    }

    boolean active() {
        return state.equals("running") || state.equals("switching");
    }
}

package org.opencrm.reporting.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.validation.ValidationException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.opencrm.platform.inbox.InboundEventDispatcher;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.platform.web.ConflictException;
import org.opencrm.reporting.domain.RebuildSchema;
import org.opencrm.reporting.events.in.TopicReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;

/**
 * Rebuilds the read models from the topics while the live ones keep answering and following the events: the events
 * from the beginning go into {@link RebuildSchema} (through the same handlers and a fresh inbox); once that caught up,
 * one transaction holds the live models' writers, applies what arrived meanwhile, and makes the rebuilt rows and their
 * inbox the live ones. The live consumer then goes on from its own offsets: what the rebuild already applied is in the
 * inbox, so every event counts once. One rebuild at a time per instance.
 */
public class ReadModelRebuild implements DisposableBean {

    /** Every widget dataset: all may have changed. */
    static final List<String> DATASETS = List.of("activities", "customers", "follow-ups", "leads", "payments");

    /** Below this many records behind, the rebuild catches up under the switch's lock; above, before it. */
    private static final long SWITCH_LAG = 1000;

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final RebuildSchema schema;
    private final Supplier<TopicReplay> replays;
    private final InboundEventDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final ReadModelChanges changes;
    private final Clock clock;
    private final String consumer;
    private final Duration statementTimeout;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param dispatcher the event handlers without live notifications, in transactions on {@link RebuildSchema}
     * @param transaction transactions on the live schema
     * @param statementTimeout how long the rebuild's own statements may take (see {@link RebuildSchema})
     */
    public ReadModelRebuild(RebuildSchema schema, Supplier<TopicReplay> replays, InboundEventDispatcher dispatcher,
            TransactionTemplate transaction, ReadModelChanges changes, Clock clock, String consumer,
            Duration statementTimeout) {
        this.schema = schema;
        this.replays = replays;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.changes = changes;
        this.clock = clock;
        this.consumer = consumer;
        this.statementTimeout = statementTimeout;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild on its own thread; a second one while one runs is a conflict. */
    public synchronized RebuildStatus start() {
        RebuildStatus current = status.get();
        if (current.active()) {
            throw new ConflictException("A rebuild of the read models is " + current.state() + " since "
                    + current.startedAt() + ".", null);
        }
        applied.set(0);
        RebuildStatus started = new RebuildStatus("running", Instant.now(clock), null, List.of(), 0, null, null);
        status.set(started);
        Thread thread = new Thread(this::run, "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private void run() {
        Instant started = status.get().startedAt();
        log.info("Rebuilding the read models from the topics");
        try {
            inLongTransaction(schema::prepare);
            try (TopicReplay replay = replays.get()) {
                catchUp(replay, replay.endOffsets(), "running");
                // what came in meanwhile, while nobody waits
                for (var ends = replay.endOffsets(); behind(replay, ends) > SWITCH_LAG; ends = replay.endOffsets()) {
                    catchUp(replay, ends, "running");
                }
                progress(replay, replay.endOffsets(), "switching");
                inLongTransaction(() -> {
                    schema.lockLive();
                    // every event a live consumer applied is below these ends: it was read before the lock
                    catchUp(replay, replay.endOffsets(), "switching");
                    schema.replaceLive(consumer);
                });
            }
            inLongTransaction(schema::drop);
            finish("done", started, null);
            changes.changed(DATASETS);
            log.info("Rebuilt the read models from {} events in {}", applied.get(),
                    Duration.between(started, status.get().finishedAt()));
        }
        catch (RuntimeException ex) {
            log.error("The rebuild of the read models failed; the live ones are as they were", ex);
            finish("failed", started, ex.getMessage() == null ? ex.toString() : ex.getMessage());
            try {
                inLongTransaction(schema::drop);
            }
            catch (RuntimeException dropFailed) {
                log.warn("Could not drop schema {}: {}", RebuildSchema.NAME, dropFailed.getMessage());
            }
        }
    }

    private void inLongTransaction(Runnable work) {
        transaction.executeWithoutResult(tx -> {
            schema.allowStatementsOf(statementTimeout);
            work.run();
        });
    }

    private void catchUp(TopicReplay replay, Map<TopicPartition, Long> ends, String state) {
        while (!replay.reached(ends)) {
            if (stopping) {
                throw new IllegalStateException("the service stopped during the rebuild");
            }
            replay.poll(this::apply);
            progress(replay, ends, state);
        }
        progress(replay, ends, state);
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            if (dispatcher.dispatch(record.value())) {
                applied.incrementAndGet();
            }
        }
        catch (UnprocessableEventException | JacksonException | ValidationException ex) {
            // the live consumer dead-lettered it: the rebuild leaves it out the same way
            log.warn("The rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    ex.getMessage());
        }
    }

    private static long behind(TopicReplay replay, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> positions = replay.positions();
        return ends.entrySet().stream()
            .mapToLong(end -> Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L))).sum();
    }

    private void progress(TopicReplay replay, Map<TopicPartition, Long> ends, String state) {
        List<RebuildStatus.Partition> partitions = replay.positions().entrySet().stream()
            .map(p -> new RebuildStatus.Partition(p.getKey().topic(), p.getKey().partition(), p.getValue(),
                    ends.getOrDefault(p.getKey(), 0L)))
            .sorted(Comparator.comparing(RebuildStatus.Partition::topic)
                .thenComparingInt(RebuildStatus.Partition::partition))
            .toList();
        status.updateAndGet(s -> new RebuildStatus(state, s.startedAt(), null, partitions, applied.get(), null, null));
    }

    private void finish(String state, Instant started, String error) {
        Instant finished = Instant.now(clock);
        long millis = Math.max(1, Duration.between(started, finished).toMillis());
        long perSecond = applied.get() * 1000 / millis;
        status.updateAndGet(s -> new RebuildStatus(state, started, finished, s.partitions(), applied.get(),
                perSecond, error));
    }

    @Override
    public void destroy() {
        stopping = true;
    }
}

package org.opencrm.reporting.application;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.ValidationException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.opencrm.platform.inbox.InboundEventDispatcher;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.opencrm.platform.web.ConflictException;
import org.opencrm.reporting.domain.RebuildSchema;
import org.opencrm.reporting.domain.ReplayWorker;
import org.opencrm.reporting.events.in.TopicReplay;
import org.opencrm.reporting.events.in.TopicReplays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the read models from the topics while the live ones keep answering and following the events: the events
 * from the beginning go into {@link RebuildSchema} (through the same handlers and a fresh inbox), replayed by workers
 * side by side, each its share of the partitions, their facts alone ({@link ReplayWorker}); then the readers' indexes
 * and every kept count are built at once, and what arrived meanwhile moves its kept counts as the live consumer's
 * events do. Once that caught up, one transaction holds the live models, applies what arrived meanwhile, and swaps
 * the rebuilt tables and their inbox in for the live ones. The live consumer then goes on from its own offsets: what
 * the rebuild already applied is in the inbox, so every event counts once. One rebuild at a time across instances: the
 * runner holds a session lock on a connection of its own and writes its status through it into a table any instance
 * reads ({@link RebuildStatusTable}).
 */
public class ReadModelRebuild implements DisposableBean {

    /** Every widget dataset: all may have changed. */
    static final List<String> DATASETS = List.of("activities", "customers", "follow-ups", "leads", "payments");

    /** Below this many records behind, the rebuild catches up under the switch's lock; above, before it. */
    private static final long SWITCH_LAG = 1000;

    /** How often the progress is written to the status table while the state stays the same. */
    private static final Duration WRITE_EVERY = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final RebuildSchema schema;
    private final TopicReplays replays;
    private final InboundEventDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final ReadModelChanges changes;
    private final Clock clock;
    private final String consumer;
    private final Duration statementTimeout;
    private final RebuildStatusTable table;
    private final DedicatedConnection connections;
    private final ThreadPoolTaskExecutor executor;
    private final ThreadPoolTaskExecutor workers;
    private final String instance;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean stopping;
    private long written;

    /**
     * @param dispatcher the event handlers without live notifications, in transactions on {@link RebuildSchema}
     * @param transaction transactions on the live schema
     * @param statementTimeout how long the rebuild's own statements may take (see {@link RebuildSchema})
     * @param executor runs the rebuild: one thread, waited for (a while) when the service stops
     * @param workers replay the topics' events up to their ends at the start, each its share of the partitions: as
     *        many as its maximum pool size
     */
    public ReadModelRebuild(RebuildSchema schema, TopicReplays replays, InboundEventDispatcher dispatcher,
            TransactionTemplate transaction, ReadModelChanges changes, Clock clock, String consumer,
            Duration statementTimeout, JdbcClient jdbc, JsonMapper json, DedicatedConnection connections,
            ThreadPoolTaskExecutor executor, ThreadPoolTaskExecutor workers) {
        this.schema = schema;
        this.replays = replays;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.changes = changes;
        this.clock = clock;
        this.consumer = consumer;
        this.statementTimeout = statementTimeout;
        this.table = new RebuildStatusTable(jdbc, json);
        this.connections = connections;
        this.executor = executor;
        this.workers = workers;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** The last rebuild's, whichever instance ran it. */
    public RebuildStatus status() {
        return table.read();
    }

    /** Starts a rebuild on the executor; a second one while one runs, on any instance, is a conflict. */
    public synchronized RebuildStatus start() {
        Connection guard = null;
        try {
            guard = connections.open("reporting-service rebuild");
            if (!RebuildStatusTable.lock(guard)) {
                RebuildStatus current = table.read();
                throw new ConflictException("A rebuild of the read models is " + current.state() + " since "
                        + current.startedAt() + ".", null);
            }
            applied.set(0);
            RebuildStatus started = new RebuildStatus("running", Instant.now(clock), null, List.of(), 0, null, null);
            status.set(started);
            table.write(guard, started, instance);
            written = System.nanoTime();
            Connection held = guard;
            executor.execute(() -> run(held));
            guard = null;
            return started;
        }
        catch (SQLException ex) {
            throw new DataAccessResourceFailureException("Cannot start a rebuild: " + ex.getMessage(), ex);
        }
        finally {
            close(guard);
        }
    }

    private void run(Connection guard) {
        try {
            rebuild(guard);
        }
        finally {
            // ends the session and with it the lock
            close(guard);
        }
    }

    private void rebuild(Connection guard) {
        Instant started = status.get().startedAt();
        log.info("Rebuilding the read models from the topics");
        try {
            inLongTransaction(schema::prepare);
            Map<TopicPartition, Long> replayed = replayFacts(guard);
            long counting = System.nanoTime();
            log.info("Replayed {} events in {}; building the readers' indexes and the kept counts", applied.get(),
                    Duration.between(started, Instant.now(clock)));
            inLongTransaction(() -> {
                schema.createReadIndexes();
                schema.recountKeptCounts();
            });
            inLongTransaction(schema::analyze);
            log.info("Built the readers' indexes and the kept counts in {}",
                    Duration.ofNanos(System.nanoTime() - counting));
            try (TopicReplay replay = replays.from(replayed)) {
                switchToRebuilt(guard, replay);
            }
            inLongTransaction(schema::drop);
            finish(guard, "done", started, null);
            changes.changed(DATASETS);
            log.info("Rebuilt the read models from {} events in {}", applied.get(),
                    Duration.between(started, status.get().finishedAt()));
        }
        catch (RuntimeException ex) {
            log.error("The rebuild of the read models failed; the live ones are as they were", ex);
            finish(guard, "failed", started, ex.getMessage() == null ? ex.toString() : ex.getMessage());
            try {
                inLongTransaction(schema::drop);
            }
            catch (RuntimeException dropFailed) {
                log.warn("Could not drop schema {}: {}", RebuildSchema.NAME, dropFailed.getMessage());
            }
        }
    }

    /**
     * Catches up while nobody waits, then, in one transaction, holds the live models, applies what arrived meanwhile
     * and swaps the rebuilt tables in; again when PostgreSQL chose that transaction to give up a deadlock at its lock
     * (with a reader holding one table while waiting for another).
     */
    private void switchToRebuilt(Connection guard, TopicReplay replay) {
        while (true) {
            for (var ends = replay.endOffsets(); behind(replay, ends) > SWITCH_LAG; ends = replay.endOffsets()) {
                catchUp(guard, replay, ends, "running");
            }
            progress(guard, replay.positions(), replay.endOffsets(), "switching");
            AtomicBoolean locked = new AtomicBoolean();
            try {
                inLongTransaction(() -> {
                    schema.lockLive();
                    locked.set(true);
                    // every event a live consumer applied is below these ends: it was read before the lock
                    catchUp(guard, replay, replay.endOffsets(), "switching");
                    schema.swapLive(consumer);
                    // the other instances hear of it when the switch commits
                    changes.broadcast(DATASETS);
                });
                return;
            }
            catch (PessimisticLockingFailureException ex) {
                if (locked.get()) {
                    throw ex;
                }
                log.info("The switch gave way at its lock ({}); catching up and trying again", ex.getMessage());
            }
        }
    }

    private void inLongTransaction(Runnable work) {
        transaction.executeWithoutResult(tx -> {
            schema.allowStatementsOf(statementTimeout);
            work.run();
        });
    }

    /**
     * Every partition's events up to its end now, their facts alone, by the workers side by side
     * ({@link ReplayWorker}), this thread writing their progress.
     *
     * @return where each partition's replay stopped
     */
    private Map<TopicPartition, Long> replayFacts(Connection guard) {
        List<TopicReplay> shares = replays.fromTheBeginning(workers.getMaxPoolSize());
        Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            for (TopicReplay share : shares) {
                ends.putAll(share.endOffsets());
                positions.putAll(share.positions());
            }
            // the first failure; the other workers stop at their next poll
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            CompletableFuture<?>[] work = shares.stream()
                .map(share -> CompletableFuture.runAsync(
                        () -> ReplayWorker.run(() -> replayShare(share, ends, positions, failure)), workers))
                .toArray(CompletableFuture<?>[]::new);
            CompletableFuture<Void> all = CompletableFuture.allOf(work);
            while (!all.isDone()) {
                progress(guard, positions, ends, "running");
                try {
                    all.get(WRITE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (TimeoutException | ExecutionException ex) {
                    // the next round writes the progress; the workers keep their failures in failure
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during the rebuild", ex);
                }
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            progress(guard, positions, ends, "running");
            return Map.copyOf(positions);
        }
        finally {
            shares.forEach(TopicReplay::close);
        }
    }

    /** One worker's partitions up to their ends, its positions published after each poll. */
    private void replayShare(TopicReplay share, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> positions,
            AtomicReference<RuntimeException> failure) {
        try {
            while (!share.reached(ends) && failure.get() == null) {
                if (stopping) {
                    throw new IllegalStateException("the service stopped during the rebuild");
                }
                apply(share.poll());
                positions.putAll(share.positions());
            }
        }
        catch (RuntimeException ex) {
            failure.compareAndSet(null, ex);
        }
    }

    private void catchUp(Connection guard, TopicReplay replay, Map<TopicPartition, Long> ends, String state) {
        while (!replay.reached(ends)) {
            if (stopping) {
                throw new IllegalStateException("the service stopped during the rebuild");
            }
            apply(replay.poll());
            progress(guard, replay.positions(), ends, state);
        }
        progress(guard, replay.positions(), ends, state);
    }

    /** A poll's events in one transaction; one by one if that fails, to skip what the live consumer skipped. */
    private void apply(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            applied.addAndGet(dispatcher.dispatchTogether(records.stream().map(ConsumerRecord::value).toList()));
        }
        catch (RuntimeException batchFailed) {
            log.debug("A batch of {} records failed ({}); applying them one by one", records.size(),
                    batchFailed.toString());
            records.forEach(this::apply);
        }
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

    private void progress(Connection guard, Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends,
            String state) {
        List<RebuildStatus.Partition> partitions = positions.entrySet().stream()
            .map(p -> new RebuildStatus.Partition(p.getKey().topic(), p.getKey().partition(), p.getValue(),
                    ends.getOrDefault(p.getKey(), 0L)))
            .sorted(Comparator.comparing(RebuildStatus.Partition::topic)
                .thenComparingInt(RebuildStatus.Partition::partition))
            .toList();
        RebuildStatus before = status.get();
        RebuildStatus now = status.updateAndGet(s -> new RebuildStatus(state, s.startedAt(), null, partitions,
                applied.get(), null, null));
        // a write per poll at most every WRITE_EVERY, and at once when the state changes
        if (!now.state().equals(before.state()) || System.nanoTime() - written > WRITE_EVERY.toNanos()) {
            save(guard, now);
        }
    }

    private void finish(Connection guard, String state, Instant started, String error) {
        Instant finished = Instant.now(clock);
        long millis = Math.max(1, Duration.between(started, finished).toMillis());
        long perSecond = applied.get() * 1000 / millis;
        RebuildStatus finalStatus = status.updateAndGet(s -> new RebuildStatus(state, started, finished,
                s.partitions(), applied.get(), perSecond, error));
        try {
            save(guard, finalStatus);
        }
        catch (RuntimeException ex) {
            // the lock goes with the connection: the status then shows the rebuild interrupted
            log.warn("Could not write the rebuild's end ({}): {}", state, ex.getMessage());
        }
    }

    private void save(Connection guard, RebuildStatus current) {
        try {
            table.write(guard, current, instance);
            written = System.nanoTime();
        }
        catch (SQLException ex) {
            throw new DataAccessResourceFailureException("Cannot write the rebuild's status: " + ex.getMessage(), ex);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException ex) {
            log.warn("Could not close the rebuild's connection: {}", ex.getMessage());
        }
    }

    /** A running rebuild stops at its next poll and ends failed; the executor waits for it (a while). */
    @Override
    public void destroy() {
        stopping = true;
        executor.shutdown();
        workers.shutdown();
    }
}

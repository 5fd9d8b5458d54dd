package org.opencrm.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.outbox.OutboxStore.OutboxRow;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka: handed the rows a transaction wrote right after it commits (fast path), and
 * every poll interval for whatever is left (safety path). A row is leased to one instance, either as it is written
 * ({@link OutboxWriter}) or in a short transaction of its own ({@link OutboxStore#claim()}), sent with no transaction
 * open, and marked in another short one. Each round sends the next row of every claimed aggregate at
 * once and waits for them, so one aggregate's events reach Kafka in commit order and a row that fails holds back
 * only the rows of its own aggregate.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final OutboxStore store;
    private final KafkaTemplate<String, String> kafka;
    private final TraceContextCarrier traceContext;
    private final JsonMapper jsonMapper;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final String topicPrefix;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<OutboxRow> offered = new ConcurrentLinkedQueue<>();
    private volatile boolean claimWanted;
    private volatile Thread worker;

    OutboxRelay(OutboxStore store, KafkaTemplate<String, String> kafka, TraceContextCarrier traceContext,
            JsonMapper jsonMapper, OutboxProperties properties, OutboxMetrics metrics, String topicPrefix) {
        this.store = store;
        this.kafka = kafka;
        this.traceContext = traceContext;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.metrics = metrics;
        this.topicPrefix = topicPrefix;
    }

    public static OutboxRelay create(JdbcClient jdbc, TransactionTemplate transaction,
            KafkaTemplate<String, String> kafka, TraceContextCarrier traceContext, JsonMapper jsonMapper,
            OutboxProperties properties, String producer, MeterRegistry meters, String topicPrefix) {
        OutboxStore store = new OutboxStore(jdbc, transaction, properties, producer);
        return new OutboxRelay(store, kafka, traceContext, jsonMapper, properties, new OutboxMetrics(store, meters,
                properties.pollInterval()), topicPrefix);
    }

    /**
     * Takes what a transaction wrote once it has committed: the rows it claimed as it wrote them go out on the next
     * pass without being looked for; {@code unclaimed} asks that pass to claim the transaction's other rows too.
     */
    void offer(List<OutboxRow> claimed, boolean unclaimed) {
        offered.addAll(claimed);
        if (unclaimed) {
            claimWanted = true;
        }
        wakeUps.release();
    }

    /**
     * Publishes the rows offered before this pass, in order, in batches (those offered meanwhile wait for the next
     * pass, so that a steady stream of commits does not hold back the claim).
     */
    private void publishOffered() {
        List<OutboxRow> rows = takeOffered(offered.size());
        for (int from = 0; from < rows.size(); from += properties.batchSize()) {
            int to = Math.min(from + properties.batchSize(), rows.size());
            if (publish(rows.subList(from, to)).kafkaUnavailable()) {
                // every send would wait for Kafka alike: the rows go back to the claim, which retries them (one
                // statement for the rest of this pass and those offered meanwhile)
                List<OutboxRow> unsent = new ArrayList<>(rows.subList(to, rows.size()));
                unsent.addAll(takeOffered(Integer.MAX_VALUE));
                release(unsent);
                break;
            }
        }
    }

    /** Up to {@code max} of the offered rows, oldest first. */
    private List<OutboxRow> takeOffered(int max) {
        List<OutboxRow> rows = new ArrayList<>();
        for (OutboxRow row; rows.size() < max && (row = offered.poll()) != null;) {
            rows.add(row);
        }
        return rows;
    }

    private void release(List<OutboxRow> rows) {
        store.release(rows.stream().map(OutboxRow::id).toList());
    }

    /** Publishes what may go now; returns how many rows were published. */
    public int publishPending() {
        int total = 0;
        List<OutboxRow> rows;
        do {
            rows = store.claim();
            Pass pass = publish(rows);
            total += pass.published();
            if (pass.kafkaUnavailable()) {
                break;
            }
        }
        while (rows.size() == properties.batchSize());
        metrics.refreshIfDue();
        return total;
    }

    private Pass publish(List<OutboxRow> rows) {
        Map<String, Queue<OutboxRow>> byAggregate = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            byAggregate.computeIfAbsent(row.aggregateKey(), key -> new ArrayDeque<>()).add(row);
        }
        // stop starting rounds before the lease runs out, so that no other instance takes these rows meanwhile
        Instant leaseEnd = rows.stream().map(OutboxRow::claimedUntil).min(Instant::compareTo).orElse(Instant.now())
            .minus(properties.sendTimeout());
        int published = 0;
        boolean kafkaUnavailable = false;
        while (!byAggregate.isEmpty() && !kafkaUnavailable && Instant.now().isBefore(leaseEnd)) {
            Round round = sendRound(byAggregate);
            published += round.published().size();
            kafkaUnavailable = round.kafkaUnavailable();
        }
        store.release(byAggregate.values().stream().flatMap(Queue::stream).map(OutboxRow::id).toList());
        return new Pass(published, kafkaUnavailable);
    }

    /** Sends the head row of every aggregate, then records each outcome. */
    private Round sendRound(Map<String, Queue<OutboxRow>> byAggregate) {
        List<OutboxRow> heads = new ArrayList<>(byAggregate.size());
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(byAggregate.size());
        for (Queue<OutboxRow> queue : byAggregate.values()) {
            OutboxRow row = queue.peek();
            heads.add(row);
            sends.add(send(row));
        }
        List<UUID> published = new ArrayList<>(heads.size());
        boolean kafkaUnavailable = false;
        for (int i = 0; i < heads.size(); i++) {
            OutboxRow row = heads.get(i);
            Queue<OutboxRow> queue = byAggregate.get(row.aggregateKey());
            Throwable failure = outcome(sends.get(i));
            if (failure == null) {
                published.add(row.id());
                queue.remove();
                if (queue.isEmpty()) {
                    byAggregate.remove(row.aggregateKey());
                }
            }
            else if (causedBy(failure, RetriableException.class)) {
                // Kafka (or the partition's leader) is unreachable: every row would fail alike, so give them back
                kafkaUnavailable = true;
                log.warn("Kafka is unavailable; outbox event {} ({}) and the rest wait for the next pass: {}",
                        row.id(), row.type(), describe(failure));
                store.recordUnavailable(row.id(), describe(failure));
                queue.remove();
            }
            else {
                failed(row, failure);
                // later rows of this aggregate must not overtake it
                store.release(queue.stream().skip(1).map(OutboxRow::id).toList());
                byAggregate.remove(row.aggregateKey());
            }
        }
        store.markPublished(published);
        return new Round(published, kafkaUnavailable);
    }

    private CompletableFuture<SendResult<String, String>> send(OutboxRow row) {
        try {
            return traceContext.continueTrace(jsonMapper.readValue(row.headers(), HEADERS), "outbox publish",
                    () -> kafka.send(record(row)));
        }
        catch (RuntimeException ex) {
            // max.block.ms ran out, or the record could not even be serialized
            return CompletableFuture.failedFuture(ex);
        }
    }

    private Throwable outcome(CompletableFuture<SendResult<String, String>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        }
        catch (InterruptedException ex) {
            // shutting down: not the row's fault
            Thread.currentThread().interrupt();
            return new org.apache.kafka.common.errors.TimeoutException("interrupted while waiting for Kafka", ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            return ex.getCause();
        }
        catch (java.util.concurrent.TimeoutException ex) {
            // the producer's own timeouts are shorter: this is Kafka not answering, treat it as unavailable
            return new org.apache.kafka.common.errors.TimeoutException("no acknowledgement within "
                    + properties.sendTimeout(), ex);
        }
    }

    private void failed(OutboxRow row, Throwable failure) {
        boolean parked = store.recordFailure(row.id(), describe(failure));
        if (parked) {
            log.error("Outbox event {} ({} of {} {}) failed {} times and is parked; later events of {} {} wait until "
                    + "an operator releases it (see the platform README, 'Parked outbox rows')", row.id(), row.type(),
                    row.aggregateType(), row.aggregateId(), properties.maxAttempts(), row.aggregateType(),
                    row.aggregateId(), failure);
        }
        else {
            log.warn("Publishing outbox event {} ({}) failed; it will be retried", row.id(), row.type(), failure);
        }
    }

    /** The failure and its root cause: Spring's wrapper alone says only "Send failed". */
    private static String describe(Throwable failure) {
        Throwable root = NestedExceptionUtils.getRootCause(failure);
        return root == null ? failure.toString() : failure + " caused by " + root;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        String topic = topicPrefix + EventEnvelope.topicOf(row.aggregateType());
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, row.aggregateId(), row.payload());
        record.headers().add("crm-event-type", row.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void run() {
        long lastClaim = System.nanoTime();
        while (worker == Thread.currentThread()) {
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                publishOffered();
                // the claim finds what no commit offered (rows behind a pending one of their aggregate, failed or
                // left by a crashed instance): when asked, and at least every poll interval however busy
                if (claimWanted || System.nanoTime() - lastClaim >= properties.pollInterval().toNanos()) {
                    claimWanted = false;
                    lastClaim = System.nanoTime();
                    publishPending();
                    // a row offered meanwhile may be the one that held back a row this claim had to leave
                    claimWanted |= !offered.isEmpty();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Outbox relay pass failed; retrying in {}", properties.pollInterval(), ex);
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
        }
        try {
            // claimed but not sent: the next instance to start publishes them without waiting for the lease to end
            release(takeOffered(Integer.MAX_VALUE));
        }
        catch (RuntimeException ex) {
            log.warn("Could not give back the outbox rows claimed but not sent; they go once their lease ends", ex);
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private record Pass(int published, boolean kafkaUnavailable) {
    }

    private record Round(List<UUID> published, boolean kafkaUnavailable) {
    }
}

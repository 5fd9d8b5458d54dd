package org.opencrm.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka: woken right after a commit (fast path) and every poll interval for whatever
 * is left (safety path). A transaction-scoped advisory lock makes one instance of a service the publisher at a
 * time, which keeps each aggregate's events in their commit order even with several instances running.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final TraceContextCarrier traceContext;
    private final JsonMapper jsonMapper;
    private final OutboxProperties properties;
    private final long lockKey;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            TraceContextCarrier traceContext, JsonMapper jsonMapper, OutboxProperties properties, String producer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.traceContext = traceContext;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.lockKey = ("outbox-relay:" + producer).hashCode();
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** Publishes until nothing is left or a send fails; returns how many rows were published. */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        }
        while (published == properties.batchSize());
        return total;
    }

    private int publishBatch() {
        Integer published = transaction.execute(status -> {
            boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", lockKey)
                .query(Boolean.class).single();
            if (!leader) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.sql("""
                    select id, aggregate_type, aggregate_id, type, payload::text as payload, headers::text as headers
                    from outbox_event where published_at is null order by position limit :limit
                    """)
                .param("limit", properties.batchSize())
                .query(OutboxRow.class)
                .list();
            return rows.isEmpty() ? 0 : send(rows);
        });
        return published == null ? 0 : published;
    }

    private int send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            sends.add(traceContext.continueTrace(jsonMapper.readValue(row.headers(), HEADERS), "outbox publish",
                    () -> kafka.send(record(row))));
        }
        List<UUID> published = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(row.id());
            }
            catch (Exception ex) {
                // stop here: a later event of the same aggregate must not overtake this one
                if (ex instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                recordFailure(row, ex);
                break;
            }
        }
        if (!published.isEmpty()) {
            jdbc.sql("update outbox_event set published_at = now(), attempts = attempts + 1 where id in (:ids)")
                .param("ids", published)
                .update();
        }
        return published.size() == rows.size() ? published.size() : 0;
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventEnvelope.topicOf(row.aggregateType()),
                row.aggregateId(), row.payload());
        record.headers().add("crm-event-type", row.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void recordFailure(OutboxRow row, Exception ex) {
        log.warn("Publishing outbox event {} ({}) failed; it will be retried", row.id(), row.type(), ex);
        jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
            .param("error", String.valueOf(ex.getMessage()))
            .param("id", row.id())
            .update();
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                publishPending();
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
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    record OutboxRow(UUID id, String aggregateType, String aggregateId, String type, String payload, String headers) {
    }
}

package org.opencrm.platform.events;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.validation.ValidationException;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

import tools.jackson.core.JacksonException;

/**
 * What a consumer does with a record that failed. A record that can never succeed (unreadable, invalid, an unknown
 * version, a handler's validation error) goes at once to {@code <topic>.dlt}, with headers saying why
 * ({@code kafka_dlt-exception-fqcn}, {@code -message}, {@code -cause-fqcn}, {@code kafka_dlt-original-*}), and counts
 * in {@code crm_events_dead_lettered_total}. Every other failure (database or network down, a timeout, a bug) is
 * retried with capped exponential backoff for as long as it lasts, never dead-lettered: the error handler seeks the
 * partition back to the failed record, so no later event of the same aggregate overtakes it. A long outage shows as
 * consumer lag ({@code kafka_consumer_fetch_manager_records_lag_max}), not as lost events.
 */
public final class EventConsumerErrors {

    /** Why the record was dead-lettered, in words; beside Spring's {@code kafka_dlt-exception-*} headers. */
    public static final String REASON_HEADER = "crm-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(EventConsumerErrors.class);

    private EventConsumerErrors() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, EventsProperties.Retry retry,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(EventsProperties.deadLetterTopicOf(record.topic()), -1));
        // Spring's exception headers carry the listener's wrapper message; this one says what was wrong
        deadLetters.addHeadersFunction((record, ex) -> new RecordHeaders(new Header[] {
            new RecordHeader(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            Exception ex = ofRecord(failure);
            log.error("Dead-lettering {}-{}@{} (key {}): it can never be applied: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), reason(ex));
            deadLetters.accept(record, ex);
            Counter.builder("crm.events.dead.lettered")
                .description("Records sent to a dead-letter topic because they can never be applied")
                .tag("topic", record.topic())
                .register(meters)
                .increment();
        }, backOff(retry));
        handler.addNotRetryableExceptions(UnprocessableEventException.class, JacksonException.class,
                ValidationException.class);
        return handler;
    }

    /**
     * The inbox listener takes batches and names a failed record with a {@link BatchListenerFailedException}: the
     * record's dead letter tells the failure itself, as a record listener's did ({@code kafka_dlt-exception-cause-fqcn}
     * {@link UnprocessableEventException}, not the batch's wrapper).
     */
    static Exception ofRecord(Exception failure) {
        Throwable batch = failure instanceof BatchListenerFailedException ? failure : failure.getCause();
        if (batch instanceof BatchListenerFailedException && batch.getCause() instanceof Exception cause) {
            String groupId = failure instanceof ListenerExecutionFailedException listener ? listener.getGroupId() : null;
            return new ListenerExecutionFailedException(failure.getMessage(), groupId, cause);
        }
        return failure;
    }

    /** No attempt limit and no elapsed-time limit: a transient failure is waited out, however long it lasts. */
    static ExponentialBackOff backOff(EventsProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    /** The message of the {@link UnprocessableEventException} if there is one, else the innermost cause. */
    static String reason(Throwable ex) {
        Throwable cause = ex;
        while (true) {
            if (cause instanceof UnprocessableEventException) {
                return cause.getMessage();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return cause.toString();
            }
            cause = cause.getCause();
        }
    }
}

package org.opencrm.platform.config;

import java.time.Clock;
import java.util.List;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.inbox.Inbox;
import org.opencrm.platform.inbox.InboundEventDispatcher;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.InboundEventListener;
import org.opencrm.platform.outbox.OutboxCleaner;
import org.opencrm.platform.outbox.OutboxProperties;
import org.opencrm.platform.outbox.OutboxRelay;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.tracing.TraceContextCarrier;
import org.opencrm.platform.web.ConstraintMessage;
import org.opencrm.platform.web.IntegrityViolations;
import org.opencrm.platform.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import org.apache.kafka.common.TopicPartition;

import tools.jackson.databind.json.JsonMapper;

/** The service defaults every CRM service gets by depending on the platform library. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ConstraintMessage> constraintMessages) {
        return new ProblemDetailsAdvice(new IntegrityViolations(constraintMessages.orderedStream().toList()));
    }

    @Bean
    TraceContextCarrier traceContextCarrier(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextCarrier(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            TraceContextCarrier traceContext, JsonMapper jsonMapper, OutboxProperties properties,
            @Value("${spring.application.name}") String producer) {
        return new OutboxRelay(jdbc, transaction, kafka, traceContext, jsonMapper, properties, producer);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, JsonMapper jsonMapper, TraceContextCarrier traceContext,
            OutboxRelay relay, @Value("${spring.application.name}") String producer, Clock clock) {
        return new OutboxWriter(jdbc, jsonMapper, traceContext, relay, producer, clock);
    }

    @Bean
    OutboxCleaner outboxCleaner(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
        return new OutboxCleaner(jdbc, properties, clock);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, JsonMapper jsonMapper) {
        return new IdempotencyKeys(jdbc, jsonMapper);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    InboundEventDispatcher inboundEventDispatcher(List<InboundEventHandler<?>> handlers, Inbox inbox,
            TransactionTemplate transaction, JsonMapper jsonMapper,
            @Value("${spring.application.name}") String consumer) {
        return new InboundEventDispatcher(handlers, inbox, transaction, jsonMapper, consumer);
    }

    @Bean
    @ConditionalOnProperty("crm.events.consume")
    InboundEventListener inboundEventListener(InboundEventDispatcher dispatcher) {
        return new InboundEventListener(dispatcher);
    }

    /** Retries a failing record a few times, then parks it on {@code <topic>.dlt} so the partition moves on. */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<String, String> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(record.topic() + ".dlt", -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}

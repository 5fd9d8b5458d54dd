package org.opencrm.platform.config;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.opencrm.platform.events.EventConsumerErrors;
import org.opencrm.platform.events.EventTopics;
import org.opencrm.platform.events.EventsProperties;
import org.opencrm.platform.history.FieldHistory;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.inbox.Inbox;
import org.opencrm.platform.inbox.InboxCleaner;
import org.opencrm.platform.inbox.InboxProperties;
import org.opencrm.platform.inbox.InboundEventDispatcher;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.InboundEventListener;
import org.opencrm.platform.inbox.ReadModel;
import org.opencrm.platform.inbox.ReadModelReplay;
import org.opencrm.platform.outbox.OutboxCleaner;
import org.opencrm.platform.outbox.OutboxProperties;
import org.opencrm.platform.outbox.OutboxRelay;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.persistence.DeferredInserts;
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
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

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
@EnableConfigurationProperties({ OutboxProperties.class, InboxProperties.class, EventsProperties.class })
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
            @Value("${spring.application.name}") String producer, ObjectProvider<MeterRegistry> meters,
            EventsProperties events) {
        return OutboxRelay.create(jdbc, transaction, kafka, traceContext, jsonMapper, properties, producer,
                meters.getIfAvailable(SimpleMeterRegistry::new), events.topicPrefix());
    }

    @Bean
    DeferredInserts deferredInserts(JdbcClient jdbc) {
        return new DeferredInserts(jdbc);
    }

    @Bean
    OutboxWriter outboxWriter(DeferredInserts deferred, JsonMapper jsonMapper, TraceContextCarrier traceContext,
            OutboxRelay relay, OutboxProperties properties, @Value("${spring.application.name}") String producer,
            Clock clock) {
        return new OutboxWriter(deferred, jsonMapper, traceContext, relay, properties, producer, clock);
    }

    @Bean
    OutboxCleaner outboxCleaner(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
        return new OutboxCleaner(jdbc, properties, clock);
    }

    @Bean
    FieldHistory fieldHistory(JdbcClient jdbc, DeferredInserts deferred, TraceContextCarrier traceContext,
            Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new FieldHistory(jdbc, deferred, traceContext, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FieldHistoryReader fieldHistoryReader(JdbcClient jdbc) {
        return new FieldHistoryReader(jdbc);
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
    InboxCleaner inboxCleaner(JdbcClient jdbc, InboxProperties properties, Clock clock) {
        return new InboxCleaner(jdbc, properties, clock);
    }

    @Bean
    ReadModelReplay readModelReplay(JdbcClient jdbc, TransactionTemplate transaction, List<ReadModel> readModels,
            @Value("${spring.application.name}") String consumer) {
        return new ReadModelReplay(jdbc, transaction, readModels, consumer);
    }

    @Bean
    KafkaAdmin.NewTopics crmEventTopics(EventsProperties properties) {
        return EventTopics.declare(properties);
    }

    @Bean
    InboundEventDispatcher inboundEventDispatcher(List<InboundEventHandler<?>> handlers, Inbox inbox,
            TransactionTemplate transaction, JsonMapper jsonMapper, TraceContextCarrier traceContext,
            @Value("${spring.application.name}") String consumer, ObjectProvider<MeterRegistry> meters) {
        return new InboundEventDispatcher(handlers, inbox, transaction, jsonMapper, consumer, traceContext,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnProperty("crm.events.consume")
    InboundEventListener inboundEventListener(InboundEventDispatcher dispatcher) {
        return new InboundEventListener(dispatcher);
    }

    /** Waits out transient failures in order; dead-letters only what can never succeed (see EventConsumerErrors). */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<String, String> kafka, EventsProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return EventConsumerErrors.errorHandler(kafka, properties.retry(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}

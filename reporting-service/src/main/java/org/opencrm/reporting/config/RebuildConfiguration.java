package org.opencrm.reporting.config;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.opencrm.platform.events.EventsProperties;
import org.opencrm.platform.inbox.Inbox;
import org.opencrm.platform.inbox.InboundEventDispatcher;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.reporting.application.DedicatedConnection;
import org.opencrm.reporting.application.ReadModelChanges;
import org.opencrm.reporting.application.ReadModelRebuild;
import org.opencrm.reporting.application.SchemaTransactions;
import org.opencrm.reporting.domain.RebuildSchema;
import org.opencrm.reporting.events.in.ChangeReportingHandler;
import org.opencrm.reporting.events.in.TopicReplays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rebuild by replay: the same handlers as the live consumer, without their live notifications (the dashboards
 * hear once, at the switch), writing into the rebuild schema under the same consumer name, so that its inbox rows
 * become the live consumer's.
 */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    ReadModelRebuild readModelRebuild(List<InboundEventHandler<?>> handlers, Inbox inbox, JdbcClient jdbc,
            DataSource dataSource, JsonMapper jsonMapper,
            ConsumerFactory<?, ?> consumers, EventsProperties events, RebuildSchema schema,
            ReadModelChanges changes, Clock clock, ReportingProperties properties, DedicatedConnection connections,
            @Value("${spring.application.name}") String consumer) {
        List<InboundEventHandler<?>> quiet = handlers.stream()
            .<InboundEventHandler<?>>map(h -> h instanceof ChangeReportingHandler<?> reporting ? reporting.handler() : h)
            .toList();
        // JDBC transactions of its own, for savepoints (the service's JPA transaction manager has none): all the
        // rebuild's SQL goes through JdbcClient on the same data source
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        InboundEventDispatcher dispatcher = new InboundEventDispatcher(quiet, inbox,
                new SchemaTransactions(transactions, jdbc, RebuildSchema.NAME), jsonMapper, consumer);
        List<String> topics = events.consume().stream().map(events::topic).toList();
        return new ReadModelRebuild(schema, new TopicReplays(consumers.getConfigurationProperties(), topics),
                dispatcher, new TransactionTemplate(transactions), changes, clock, consumer,
                properties.rebuildStatementTimeout(), jdbc, jsonMapper, connections,
                executor("read-model-rebuild-", 1), executor("read-model-replay-", properties.rebuildWorkers()));
    }

    /**
     * Threads of the rebuild (one) or its replay workers, waited for when the service stops (the rebuild then ends
     * failed at its next poll). Not beans of their own: an {@code Executor} bean would take the place of Boot's
     * {@code applicationTaskExecutor}; {@link ReadModelRebuild} shuts them down.
     */
    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(0);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }
}

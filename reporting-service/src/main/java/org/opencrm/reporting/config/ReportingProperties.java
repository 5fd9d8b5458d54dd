package org.opencrm.reporting.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultCurrency the revenue report's currency when no money moved in the period
 * @param maxQueryRows the most groups a widget query answers (an export streams them all)
 * @param exportFetchSize rows fetched per round trip while an export streams from its cursor
 * @param exportStatementTimeout how long an export's statement may run: longer than the pool's statement timeout (a
 *        million rows take seconds), as long as the gateway's time limit of the export routes
 * @param streamPushInterval the live stream's coalescing: a change is pushed at once, then at most one push per stream
 *        in this interval
 * @param streamHeartbeat a comment on every open stream this often, so proxies keep it open
 * @param streamTimeout a stream is closed after this long; the browser reconnects with {@code Last-Event-ID}
 * @param streamReconnect the browser's wait before it reconnects (the events' {@code retry:})
 * @param dashboardFiguresTtl how long headline figures are kept at most: this instance drops them when it applies a
 *        change, but another instance applies the events of the other partitions
 * @param changeListenerReconnect how long the listener for other instances' changes waits before it connects again
 *        after its connection broke
 * @param rebuildStatementTimeout the statement timeout of a rebuild's own statements (making its schema, waiting for
 *        the switch's lock, copying the rebuilt rows), instead of the pool's, which is made for requests
 * @param rebuildWorkers threads that replay the topics side by side during a rebuild, each its share of the
 *        partitions (a partition is replayed by one): about one per core that the service and its database share
 */
@ConfigurationProperties("crm.reports")
public record ReportingProperties(
        @DefaultValue("EUR") String defaultCurrency,
        @DefaultValue("1000") int maxQueryRows,
        @DefaultValue("10000") int exportFetchSize,
        @DefaultValue("120s") Duration exportStatementTimeout,
        @DefaultValue("50ms") Duration streamPushInterval,
        @DefaultValue("15s") Duration streamHeartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("2s") Duration streamReconnect,
        @DefaultValue("15s") Duration dashboardFiguresTtl,
        @DefaultValue("1s") Duration changeListenerReconnect,
        @DefaultValue("10m") Duration rebuildStatementTimeout,
        @DefaultValue("2") int rebuildWorkers) {
}

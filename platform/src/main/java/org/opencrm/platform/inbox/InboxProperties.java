package org.opencrm.platform.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long an applied event's id is remembered. A redelivery can only come from Kafka (a
 *        consumer restarting before its offset commit, a rebalance, a replay from the dead-letter topic): keep
 *        this above the topics' {@code retention.ms} (7 days by default) so that nothing Kafka can still deliver
 *        has been forgotten
 * @param cleanupInterval how often rows beyond the retention are deleted
 */
@ConfigurationProperties("crm.inbox")
public record InboxProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval) {
}

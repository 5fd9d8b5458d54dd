package org.opencrm.reporting.events.in;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Replays of the consumed topics for a rebuild.
 *
 * @param configuration the service's consumer configuration (bootstrap servers, security)
 * @param topics the consumed topics
 */
public record TopicReplays(Map<String, Object> configuration, List<String> topics) {

    /** Every partition from its first retained record, in {@code shares} replays of about as many records each. */
    public List<TopicReplay> fromTheBeginning(int shares) {
        return TopicReplay.fromTheBeginning(configuration, topics, shares);
    }

    /** These partitions, each from the offset given. */
    public TopicReplay from(Map<TopicPartition, Long> positions) {
        return TopicReplay.from(configuration, positions);
    }
}

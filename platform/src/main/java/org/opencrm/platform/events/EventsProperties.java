package org.opencrm.platform.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param consume the topics this service consumes (each gets a {@code <topic>.dlt} dead-letter topic)
 * @param publish the topics this service's outbox publishes to, declared at start-up
 * @param retry how a consumer retries a record that failed for a transient reason
 * @param topics how declared topics are made
 * @param topicPrefix put before every topic name this service publishes to, consumes and declares (each test JVM has
 *        its own, so that tests can share one broker); empty in the stack
 */
@ConfigurationProperties("crm.events")
public record EventsProperties(
        @DefaultValue List<String> consume,
        @DefaultValue List<String> publish,
        @DefaultValue Retry retry,
        @DefaultValue Topics topics,
        @DefaultValue("") String topicPrefix) {

    /** The name of a CRM topic here, with {@link #topicPrefix()}. */
    public String topic(String name) {
        return topicPrefix + name.trim();
    }

    /**
     * Exponential backoff for as long as the failure lasts: the partition waits at its failed record, so nothing
     * of the same aggregate overtakes it.
     *
     * @param initialInterval the first wait
     * @param maxInterval the longest wait between two tries
     */
    public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }

    /**
     * @param partitions partitions of a declared topic (raised on existing topics, never lowered)
     * @param replicationFactor replicas of each partition
     * @param minInsyncReplicas replicas that must have a record before an {@code acks=all} send succeeds
     * @param retentionMs {@code retention.ms} of the event topics (not their dead letters): -1 keeps every event,
     *        so that a read model can be rebuilt by replaying its topics from the beginning
     */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
            @DefaultValue("1") int minInsyncReplicas, @DefaultValue("-1") long retentionMs) {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlt";
    }
}

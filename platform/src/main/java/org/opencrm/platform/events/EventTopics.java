package org.opencrm.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service publishes to and consumes, plus a {@code <topic>.dlt} for each consumed one, declared at
 * start-up with the configured partitions, replication factor and {@code min.insync.replicas} (with
 * {@code acks=all}, a send succeeds only once that many replicas have it). Boot's {@link KafkaAdmin} creates them,
 * adds partitions and, with {@code spring.kafka.admin.modify-topic-configs}, updates the configuration of topics
 * that already exist. The event topics keep their events for {@code crm.events.topics.retention-ms} (by default
 * forever: read models are rebuilt from them), dead letters for the broker's default.
 */
public final class EventTopics {

    private EventTopics() {
    }

    public static KafkaAdmin.NewTopics declare(EventsProperties properties) {
        Set<String> names = new LinkedHashSet<>();
        for (String published : properties.publish()) {
            names.add(properties.topic(published));
        }
        for (String consumed : properties.consume()) {
            names.add(properties.topic(consumed));
            names.add(EventsProperties.deadLetterTopicOf(properties.topic(consumed)));
        }
        List<NewTopic> topics = new ArrayList<>(names.size());
        for (String name : names) {
            if (!name.equals(properties.topicPrefix())) {
                TopicBuilder topic = TopicBuilder.name(name.trim())
                    .partitions(properties.topics().partitions())
                    .replicas(properties.topics().replicationFactor())
                    .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            String.valueOf(properties.topics().minInsyncReplicas()));
                if (!name.endsWith(EventsProperties.deadLetterTopicOf(""))) {
                    topic.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.topics().retentionMs()));
                }
                topics.add(topic.build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

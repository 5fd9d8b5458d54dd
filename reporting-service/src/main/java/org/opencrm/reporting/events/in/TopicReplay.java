package org.opencrm.reporting.events.in;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every partition of the consumed topics read from its first retained record, by a consumer outside any group: it
 * is assigned the partitions and commits nothing, so the live consumer group's offsets stay as they are.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    private TopicReplay(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    /** @param configuration the service's consumer configuration (bootstrap servers, security) */
    public static TopicReplay fromTheBeginning(Map<String, Object> configuration, List<String> topics) {
        Map<String, Object> properties = new HashMap<>(configuration);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "read-model-rebuild");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        try {
            List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new TopicReplay(consumer, partitions);
        }
        catch (RuntimeException ex) {
            consumer.close();
            throw ex;
        }
    }

    /** The offset after the last record of each partition now. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** The offset of the next record this replay reads, per partition. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
    }

    public boolean reached(Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.getOrDefault(p, 0L));
    }

    /** The records of one poll (up to 1,000), in each partition's order. */
    public List<ConsumerRecord<String, String>> poll() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(POLL).forEach(records::add);
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

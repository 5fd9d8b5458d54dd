package org.opencrm.reporting.events.in;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Partitions of the consumed topics read from a given offset, by a consumer outside any group: it is assigned the
 * partitions and commits nothing, so the live consumer group's offsets stay as they are. Not thread-safe: one thread
 * reads one replay.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    private TopicReplay(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    /**
     * Every partition of the topics from its first retained record, in {@code shares} replays of about as many
     * records each (a partition whole in one of them, the largest first to the share with the fewest records).
     *
     * @param configuration the service's consumer configuration (bootstrap servers, security)
     */
    public static List<TopicReplay> fromTheBeginning(Map<String, Object> configuration, List<String> topics,
            int shares) {
        List<List<TopicPartition>> assigned = new ArrayList<>();
        long[] records = new long[shares];
        try (KafkaConsumer<String, String> lister = consumer(configuration)) {
            List<TopicPartition> all = topics.stream()
                .flatMap(topic -> lister.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())))
                .toList();
            Map<TopicPartition, Long> begin = lister.beginningOffsets(all);
            Map<TopicPartition, Long> end = lister.endOffsets(all);
            for (int share = 0; share < shares; share++) {
                assigned.add(new ArrayList<>());
            }
            all.stream()
                .sorted(Comparator.comparingLong((TopicPartition p) -> end.get(p) - begin.get(p)).reversed())
                .forEach(partition -> {
                    int fewest = 0;
                    for (int share = 1; share < shares; share++) {
                        fewest = records[share] < records[fewest] ? share : fewest;
                    }
                    assigned.get(fewest).add(partition);
                    records[fewest] += end.get(partition) - begin.get(partition);
                });
        }
        List<TopicReplay> replays = new ArrayList<>();
        try {
            for (List<TopicPartition> partitions : assigned) {
                replays.add(of(configuration, partitions, consumer -> consumer.seekToBeginning(partitions)));
            }
        }
        catch (RuntimeException ex) {
            replays.forEach(TopicReplay::close);
            throw ex;
        }
        return replays;
    }

    /** These partitions, each from the offset given. */
    public static TopicReplay from(Map<String, Object> configuration, Map<TopicPartition, Long> positions) {
        return of(configuration, List.copyOf(positions.keySet()),
                consumer -> positions.forEach(consumer::seek));
    }

    private static TopicReplay of(Map<String, Object> configuration, List<TopicPartition> partitions,
            Consumer<KafkaConsumer<String, String>> position) {
        KafkaConsumer<String, String> consumer = consumer(configuration);
        try {
            consumer.assign(partitions);
            position.accept(consumer);
            return new TopicReplay(consumer, partitions);
        }
        catch (RuntimeException ex) {
            consumer.close();
            throw ex;
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> configuration) {
        Map<String, Object> properties = new HashMap<>(configuration);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "read-model-rebuild-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
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

package org.opencrm.platform.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** A test's own reader of a topic, to see what a service published or dead-lettered. */
public final class TopicReaders {

    private TopicReaders() {
    }

    /**
     * With the service's consumer properties (e.g. Boot's {@code KafkaProperties.buildConsumerProperties()}):
     * subscribed in a group of its own, already assigned the topic's partitions and at their beginnings: nothing
     * published before or after this returns is missed (reading from "latest" raced the relay), so a test filters the
     * records by its own keys.
     */
    public static KafkaConsumer<String, String> fromTheStart(Map<String, Object> consumerProperties, String topic) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        // what the polls above returned is read again
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }
}

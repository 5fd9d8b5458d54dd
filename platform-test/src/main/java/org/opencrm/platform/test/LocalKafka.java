package org.opencrm.platform.test;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker inside the test JVM (spring-kafka-test), on a free port of localhost, topics created
 * on first use like on the local stack.
 */
final class LocalKafka {

    private LocalKafka() {
    }

    static KafkaEndpoint start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                // one broker: internal topics cannot have three replicas, and one offsets partition joins faster
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.num.partitions", "1"));
        // keep spring.kafka.bootstrap-servers out of the system properties: the Spring wiring registers it
        broker.brokerListProperty("crm.test.kafka.bootstrap-servers");
        broker.afterPropertiesSet();
        LocalProcesses.onShutdown("kafka", broker::destroy);
        return new KafkaEndpoint(broker.getBrokersAsString());
    }
}

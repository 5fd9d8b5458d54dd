package org.opencrm.platform.test;

/** Where the test Kafka broker listens, in the form of the {@code bootstrap.servers} client property. */
public record KafkaEndpoint(String bootstrapServers) {
}

package org.opencrm.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker (broker and controller in one) inside the test JVM, on free ports of 127.0.0.1, with
 * topics created on first use like on the local stack; its log directory is deleted at JVM exit.
 * <p>
 * Not spring-kafka-test's {@code EmbeddedKafkaKraftBroker}: its Kafka test kit pre-binds every listener on all network
 * interfaces, and nothing configures that away (Kafka 4.1). The server classes used here are the ones the test kit
 * itself drives, from the same jars.
 */
final class LocalKafka {

    private static KafkaRaftServer server;

    private static Properties config;

    private LocalKafka() {
    }

    /** Shuts the broker down (clients see it gone), keeping its log directory and ports. */
    static synchronized void stopServer() {
        if (server == null) {
            throw new IllegalStateException("the local Kafka broker is not running");
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Starts the broker stopped by {@link #stopServer()} again, with the same data, ports and cluster id. */
    static synchronized void startServer() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        awaitBroker(config.getProperty("advertised.listeners").substring("PLAINTEXT://".length()));
    }

    static KafkaEndpoint start() {
        Path logDir = createLogDir();
        int port = LocalProcesses.freePort();
        int controllerPort = LocalProcesses.freePort();
        String bootstrapServers = "127.0.0.1:" + port;
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
                "listeners", "PLAINTEXT://" + bootstrapServers + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://" + bootstrapServers,
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", logDir.toString()));
        properties.putAll(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "1",
                // one broker: internal topics cannot have three replicas, and one offsets partition joins faster
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        // a fatal broker error must fail the tests, not end the test JVM
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka wanted to exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka wanted to halt(" + status + "): " + message);
        });
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir, ex);
        }
        config = properties;
        LocalProcesses.onShutdown("kafka", () -> {
            synchronized (LocalKafka.class) {
                if (server != null) {
                    server.shutdown();
                    server.awaitShutdown();
                }
            }
            LocalProcesses.deleteRecursively(logDir);
        });
        startServer();
        return new KafkaEndpoint(bootstrapServers);
    }

    private static Path createLogDir() {
        try {
            return Files.createTempDirectory("crm-test-kafka-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void awaitBroker(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("the Kafka broker at " + bootstrapServers + " did not answer", ex);
        }
    }
}

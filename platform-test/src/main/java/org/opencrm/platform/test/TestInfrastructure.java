package org.opencrm.platform.test;

import java.net.URI;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL, Kafka, Redis, Keycloak and S3-compatible server that integration tests run against, shared by every test JVM of a
 * build: the test instance of {@code ./crm}'s local infrastructure ({@link LocalInfrastructure}: given by
 * {@code ./crm test}, or started by the first test that needs it), or, when a Docker engine answers and no endpoints
 * are given (CI), Testcontainers containers started once per JVM. {@value #BACKEND_PROPERTY}={@code containers} or
 * {@code local} forces one. Each JVM works in a database and under topic names of its own ({@link TestNamespace}).
 */
public final class TestInfrastructure {

    /** {@code containers}, {@code local} or {@code auto} (the default: local when {@code CRM_TEST_*} endpoints are
     * given, else containers when Docker answers, else local). */
    public static final String BACKEND_PROPERTY = "crm.test.backend";

    static final String REALM = "crm";

    static final String USER = "crm";

    private static final Once<Boolean> CONTAINERS = new Once<>("the backend choice", TestInfrastructure::decideBackend);

    private static final Once<PostgresEndpoint> POSTGRES = new Once<>("PostgreSQL", () -> {
        if (usesContainers()) {
            return fromContainer(Containers.postgres());
        }
        PostgresEndpoint server = LocalInfrastructure.postgres();
        return new PostgresEndpoint(server.createDatabase(TestNamespace.name()), server.username(), server.password());
    });

    private static final Once<KafkaEndpoint> KAFKA = new Once<>("Kafka",
            () -> usesContainers() ? fromContainer(Containers.kafka()) : LocalInfrastructure.kafka());

    private static final Once<RedisEndpoint> REDIS = new Once<>("Redis",
            () -> usesContainers() ? redisFromContainer(Containers.redis()) : LocalInfrastructure.redis());

    private static final Once<KeycloakEndpoint> KEYCLOAK = new Once<>("Keycloak",
            () -> usesContainers() ? keycloakFromContainer(Containers.keycloak()) : LocalInfrastructure.keycloak());

    private static final Once<S3Endpoint> SHARED_S3 = new Once<>("the S3-compatible server",
            () -> usesContainers() ? s3FromContainer(Containers.s3()) : LocalInfrastructure.s3());

    // this JVM's way to the S3 server, which its outage tests shut (interruptS3)
    private static final Once<TcpGate> S3_GATE = new Once<>("the gate to the S3-compatible server", () -> {
        URI server = URI.create(SHARED_S3.get().endpoint());
        return new TcpGate(server.getHost(), server.getPort());
    });

    private static final Once<S3Endpoint> S3 = new Once<>("the S3-compatible server through this JVM's gate",
            () -> new S3Endpoint("http://" + TcpGate.HOST + ":" + S3_GATE.get().port()));

    private TestInfrastructure() {
    }

    /**
     * PostgreSQL 15 with this JVM's own, initially empty database ({@link TestNamespace#name()} on the shared local
     * server; the container's {@code crm_test}); {@link PostgresEndpoint#createDatabase} makes more.
     */
    public static PostgresEndpoint postgres() {
        return POSTGRES.get();
    }

    /** A single Kafka broker that creates topics on first use; name them with {@link TestNamespace#topic}. */
    public static KafkaEndpoint kafka() {
        return KAFKA.get();
    }

    /** Redis without persistence. */
    public static RedisEndpoint redis() {
        return REDIS.get();
    }

    /** Keycloak with the realm {@code crm} of {@code infra/keycloak/crm-realm.json}. */
    public static KeycloakEndpoint keycloak() {
        return KEYCLOAK.get();
    }

    /** An S3-compatible server (S3Mock): plain HTTP, path-style; buckets with {@link S3Endpoint#createBucket}. */
    public static S3Endpoint s3() {
        return S3.get();
    }

    /**
     * Makes this JVM's PostgreSQL database unavailable until {@link #resumePostgres()}: on the local server, which the
     * whole build shares, its connections are ended and new ones refused (the other JVMs' databases stay); a
     * container is paused (connections hang). For outage tests; resume in a {@code finally}.
     */
    public static void interruptPostgres() {
        postgres();
        if (usesContainers()) {
            Containers.pause(Containers.postgres());
        }
        else {
            LocalInfrastructure.postgres().refuseConnections(TestNamespace.name());
        }
    }

    public static void resumePostgres() {
        if (usesContainers()) {
            Containers.unpause(Containers.postgres());
        }
        else {
            LocalInfrastructure.postgres().acceptConnections(TestNamespace.name());
        }
    }

    /**
     * Makes Kafka unavailable until {@link #resumeKafka()}: its processes are frozen, local or in a container
     * (connections hang; the clients' own timeouts end their calls). Freezing, not stopping: a restart took seconds of
     * both cores. For outage tests, which the build runs alone ({@link InterruptsInfrastructure}); resume in a
     * {@code finally}.
     */
    public static void interruptKafka() {
        kafka();
        if (usesContainers()) {
            Containers.pause(Containers.kafka());
        }
        else {
            InfrastructureTurns.requireAlone();
            LocalInfrastructure.pause("kafka");
        }
    }

    public static void resumeKafka() {
        if (usesContainers()) {
            Containers.unpause(Containers.kafka());
        }
        else {
            LocalInfrastructure.resume("kafka");
        }
    }

    /**
     * Makes Keycloak unavailable until {@link #resumeKeycloak()} (token and admin endpoints alike), frozen like
     * {@link #interruptKafka()} (a restart took ten seconds). Tokens issued before stay valid for a resource server
     * that already holds the keys.
     */
    public static void interruptKeycloak() {
        keycloak();
        if (usesContainers()) {
            Containers.pause(Containers.keycloak());
        }
        else {
            InfrastructureTurns.requireAlone();
            LocalInfrastructure.pause("keycloak");
        }
    }

    public static void resumeKeycloak() {
        if (usesContainers()) {
            Containers.unpause(Containers.keycloak());
        }
        else {
            LocalInfrastructure.resume("keycloak");
        }
    }

    /**
     * Makes the S3 server unavailable to this JVM until {@link #resumeS3()}: its gate to the server ({@link TcpGate})
     * refuses connections and ends the open ones. The server runs on for the other JVMs of the build, objects stay.
     */
    public static void interruptS3() {
        S3_GATE.get().shut();
    }

    public static void resumeS3() {
        S3_GATE.get().open();
    }

    /** Whether this JVM's backends are Testcontainers containers (else the local test infrastructure). */
    public static boolean usesContainers() {
        return CONTAINERS.get();
    }

    private static boolean decideBackend() {
        String backend = System.getProperty(BACKEND_PROPERTY, "auto").trim();
        return switch (backend) {
            case "containers" -> true;
            case "local" -> false;
            case "auto", "" -> !LocalInfrastructure.provided() && DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(BACKEND_PROPERTY + " must be containers, local or auto, not "
                    + backend);
        };
    }

    private static PostgresEndpoint fromContainer(PostgreSQLContainer container) {
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static KafkaEndpoint fromContainer(KafkaContainer container) {
        return new KafkaEndpoint(container.getBootstrapServers());
    }

    private static RedisEndpoint redisFromContainer(GenericContainer<?> container) {
        return new RedisEndpoint(container.getHost(), container.getMappedPort(6379));
    }

    private static S3Endpoint s3FromContainer(GenericContainer<?> container) {
        return new S3Endpoint("http://" + container.getHost() + ":" + container.getMappedPort(Containers.S3_HTTP_PORT));
    }

    private static KeycloakEndpoint keycloakFromContainer(GenericContainer<?> container) {
        String baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
        return new KeycloakEndpoint(baseUrl, baseUrl + "/realms/" + REALM);
    }
}

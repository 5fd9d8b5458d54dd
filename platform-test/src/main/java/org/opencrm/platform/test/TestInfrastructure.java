package org.opencrm.platform.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL, Kafka, Redis and Keycloak that integration tests run against. Each is started on first use, at
 * most once per JVM, on free ports of 127.0.0.1, and stopped at JVM exit: as Testcontainers containers when a Docker
 * engine answers (CI), as local processes when none does (the dev machine). {@value #BACKEND_PROPERTY}=
 * {@code containers} or {@code local} forces one.
 */
public final class TestInfrastructure {

    /** {@code containers}, {@code local} or {@code auto} (the default: containers when Docker answers). */
    public static final String BACKEND_PROPERTY = "crm.test.backend";

    static final String REALM = "crm";

    private static final Once<Boolean> CONTAINERS = new Once<>("the backend choice", TestInfrastructure::decideBackend);

    private static final Once<PostgresEndpoint> POSTGRES = new Once<>("PostgreSQL",
            () -> usesContainers() ? fromContainer(Containers.postgres()) : LocalPostgres.start());

    private static final Once<KafkaEndpoint> KAFKA = new Once<>("Kafka",
            () -> usesContainers() ? fromContainer(Containers.kafka()) : LocalKafka.start());

    private static final Once<RedisEndpoint> REDIS = new Once<>("Redis",
            () -> usesContainers() ? redisFromContainer(Containers.redis()) : LocalRedis.start());

    private static final Once<KeycloakEndpoint> KEYCLOAK = new Once<>("Keycloak",
            () -> usesContainers() ? keycloakFromContainer(Containers.keycloak()) : LocalKeycloak.start());

    private TestInfrastructure() {
    }

    /** PostgreSQL 15 with the database {@code crm_test}; {@link PostgresEndpoint#createDatabase} makes more. */
    public static PostgresEndpoint postgres() {
        return POSTGRES.get();
    }

    /** A single Kafka broker that creates topics on first use. */
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

    /**
     * Makes PostgreSQL unavailable until {@link #resumePostgres()}: the local server is stopped (connections cut,
     * new ones refused), a container is paused (connections hang). For outage tests; resume in a {@code finally}.
     */
    public static void interruptPostgres() {
        postgres();
        if (usesContainers()) {
            Containers.pause(Containers.postgres());
        }
        else {
            LocalPostgres.stopServer();
        }
    }

    public static void resumePostgres() {
        if (usesContainers()) {
            Containers.unpause(Containers.postgres());
        }
        else {
            LocalPostgres.startServer();
        }
    }

    /** Makes Kafka unavailable until {@link #resumeKafka()}, like {@link #interruptPostgres()}. */
    public static void interruptKafka() {
        kafka();
        if (usesContainers()) {
            Containers.pause(Containers.kafka());
        }
        else {
            LocalKafka.stopServer();
        }
    }

    public static void resumeKafka() {
        if (usesContainers()) {
            Containers.unpause(Containers.kafka());
        }
        else {
            LocalKafka.startServer();
        }
    }

    /** Whether this JVM's backends are Testcontainers containers (else local processes). */
    public static boolean usesContainers() {
        return CONTAINERS.get();
    }

    private static boolean decideBackend() {
        String backend = System.getProperty(BACKEND_PROPERTY, "auto").trim();
        return switch (backend) {
            case "containers" -> true;
            case "local" -> false;
            case "auto", "" -> DockerClientFactory.instance().isDockerAvailable();
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

    private static KeycloakEndpoint keycloakFromContainer(GenericContainer<?> container) {
        String baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
        return new KeycloakEndpoint(baseUrl, baseUrl + "/realms/" + REALM);
    }
}

package org.opencrm.platform.test;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The Testcontainers backends, one started container each per JVM. Spring closes the container beans of a context when
 * the context closes; these ignore {@code close()} because other cached contexts still use them, and are stopped by a
 * JVM shutdown hook instead (Ryuk removes them too should the JVM die).
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:15-alpine";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    static final String REDIS_IMAGE = "redis:7-alpine";

    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.4.7";

    static final String S3_IMAGE = "adobe/s3mock:4.11.0";

    /** S3Mock's plain-HTTP port in its image. */
    static final int S3_HTTP_PORT = 9090;

    private static final Once<PostgreSQLContainer> POSTGRES = new Once<>("PostgreSQL container", () -> started("postgres",
            new SharedPostgreSQLContainer()
                    .withDatabaseName("crm_test")
                    .withUsername(TestInfrastructure.USER)
                    .withPassword(TestInfrastructure.USER)
                    .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                            "full_page_writes=off", "-c", "max_connections=200")));

    private static final Once<KafkaContainer> KAFKA = new Once<>("Kafka container", () -> started("kafka",
            new SharedKafkaContainer().withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")));

    private static final Once<GenericContainer<?>> REDIS = new Once<>("Redis container", () -> started("redis",
            new SharedGenericContainer(REDIS_IMAGE)
                    .withExposedPorts(6379)
                    .withCommand("redis-server", "--save", "", "--appendonly", "no")));

    private static final Once<GenericContainer<?>> KEYCLOAK = new Once<>("Keycloak container", () -> started("keycloak",
            new SharedGenericContainer(KEYCLOAK_IMAGE)
                    .withExposedPorts(8080)
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                    // as infra/lib/keycloak.sh: tests sign the same demo users in back to back
                    .withEnv("KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS", "true")
                    .withCopyFileToContainer(MountableFile.forHostPath(KeycloakRealm.file()),
                            "/opt/keycloak/data/import/crm-realm.json")
                    .withCommand("start-dev", "--import-realm")
                    .waitingFor(Wait.forHttp("/realms/" + TestInfrastructure.REALM + "/.well-known/openid-configuration")
                            .forPort(8080)
                            .forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(4)))));

    private static final Once<GenericContainer<?>> S3 = new Once<>("S3Mock container", () -> started("s3",
            new SharedGenericContainer(S3_IMAGE)
                    .withExposedPorts(S3_HTTP_PORT)
                    .waitingFor(Wait.forHttp("/").forPort(S3_HTTP_PORT).forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(2)))));

    private Containers() {
    }

    static PostgreSQLContainer postgres() {
        return POSTGRES.get();
    }

    static KafkaContainer kafka() {
        return KAFKA.get();
    }

    static GenericContainer<?> redis() {
        return REDIS.get();
    }

    static GenericContainer<?> keycloak() {
        return KEYCLOAK.get();
    }

    static GenericContainer<?> s3() {
        return S3.get();
    }

    static void pause(GenericContainer<?> container) {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    static void unpause(GenericContainer<?> container) {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    private static <C extends GenericContainer<?>> C started(String name, C container) {
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "crm-test-stop-" + name));
        return container;
    }

    private static final class SharedPostgreSQLContainer extends PostgreSQLContainer {

        SharedPostgreSQLContainer() {
            super(POSTGRES_IMAGE);
        }

        @Override
        public void close() {
            // stopped at JVM exit, see the class comment
        }
    }

    private static final class SharedKafkaContainer extends KafkaContainer {

        SharedKafkaContainer() {
            super(KAFKA_IMAGE);
        }

        @Override
        public void close() {
            // stopped at JVM exit, see the class comment
        }
    }

    private static final class SharedGenericContainer extends GenericContainer<SharedGenericContainer> {

        SharedGenericContainer(String image) {
            super(image);
        }

        @Override
        public void close() {
            // stopped at JVM exit, see the class comment
        }
    }
}

package org.opencrm.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test instance of the local infrastructure that {@code ./crm} runs ({@code infra/lib/infra.sh}): PostgreSQL,
 * Kafka, Redis, Keycloak and S3Mock as local processes, the same scripts as the dev stack's. {@code ./crm test} starts it once
 * for the whole build and hands its endpoints to every test JVM as {@code CRM_TEST_*} environment variables; a test
 * run without them (an IDE, a plain {@code ./mvnw verify}) starts it with {@code ./crm infra up --test}, or finds it
 * running, and leaves it running for the next run ({@code ./crm infra down --test} stops it).
 */
final class LocalInfrastructure {

    static final String POSTGRES_URL = "CRM_TEST_POSTGRES_URL";

    static final String WORK_DIR = "CRM_TEST_WORK_DIR";

    private static final long UP_TIMEOUT_SECONDS = 900;

    private static final long COMMAND_TIMEOUT_SECONDS = 180;

    private static final Once<Map<String, String>> ENDPOINTS = new Once<>(
            "the test infrastructure (./crm infra up --test)", LocalInfrastructure::provideOrStart);

    private LocalInfrastructure() {
    }

    /** Whether {@code ./crm test} (or the developer) gave this JVM the endpoints. */
    static boolean provided() {
        return System.getenv(POSTGRES_URL) != null;
    }

    static PostgresEndpoint postgres() {
        Map<String, String> endpoints = ENDPOINTS.get();
        return new PostgresEndpoint(endpoints.get(POSTGRES_URL), endpoints.get("CRM_TEST_POSTGRES_USER"),
                endpoints.get("CRM_TEST_POSTGRES_PASSWORD"));
    }

    static KafkaEndpoint kafka() {
        return new KafkaEndpoint(ENDPOINTS.get().get("CRM_TEST_KAFKA_BOOTSTRAP_SERVERS"));
    }

    static RedisEndpoint redis() {
        URI url = URI.create(ENDPOINTS.get().get("CRM_TEST_REDIS_URL"));
        return new RedisEndpoint(url.getHost(), url.getPort());
    }

    static S3Endpoint s3() {
        String endpoint = ENDPOINTS.get().get("CRM_TEST_S3_ENDPOINT");
        if (endpoint == null) {
            throw new IllegalStateException("no CRM_TEST_S3_ENDPOINT: the test infrastructure was started without S3 "
                    + "(./crm infra down --test, then let the tests start it again)");
        }
        return new S3Endpoint(endpoint);
    }

    static KeycloakEndpoint keycloak() {
        String baseUrl = ENDPOINTS.get().get("CRM_TEST_KEYCLOAK_URL");
        return new KeycloakEndpoint(baseUrl, baseUrl + "/realms/" + TestInfrastructure.REALM);
    }

    /** {@code ./crm infra pause <component> --test}: its processes frozen, as a paused container's. */
    static void pause(String component) {
        infra(workDir(), COMMAND_TIMEOUT_SECONDS, "pause", component);
    }

    /** {@code ./crm infra resume <component> --test}: running again from where it stopped. */
    static void resume(String component) {
        infra(workDir(), COMMAND_TIMEOUT_SECONDS, "resume", component);
    }

    /**
     * Runs {@code ./crm infra <arguments> --test} on the instance in {@code workDir} (null: the default one) and
     * returns its output, or fails with it.
     */
    static String infra(String workDir, long timeoutSeconds, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", ProjectRoot.get().resolve("crm").toString(), "infra"));
        command.addAll(List.of(arguments));
        command.add("--test");
        Map<String, String> environment = new LinkedHashMap<>();
        if (workDir != null) {
            environment.put(WORK_DIR, workDir);
        }
        return run(command, environment, timeoutSeconds);
    }

    private static String workDir() {
        return ENDPOINTS.get().get(WORK_DIR);
    }

    private static Map<String, String> provideOrStart() {
        if (provided()) {
            String workDir = System.getenv(WORK_DIR);
            if (workDir != null) {
                // ./crm test does not wait for Kafka and Keycloak to boot: it compiles meanwhile
                infra(workDir, UP_TIMEOUT_SECONDS, "wait");
            }
            return System.getenv();
        }
        infra(null, UP_TIMEOUT_SECONDS, "up");
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String line : infra(null, COMMAND_TIMEOUT_SECONDS, "env").split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("CRM_TEST_") && equals > 0) {
                endpoints.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        if (!endpoints.containsKey(POSTGRES_URL)) {
            throw new IllegalStateException("./crm infra env --test printed no " + POSTGRES_URL + ": " + endpoints);
        }
        return endpoints;
    }

    private static String run(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        Path output = null;
        try {
            // output to a file, not a pipe: a daemon the script forks (Redis, PostgreSQL) would keep a pipe open
            output = Files.createTempFile("crm-test-infra", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
                        + "\n" + Files.readString(output));
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), ex);
        }
        finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}

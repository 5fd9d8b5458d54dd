package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Keycloak from an unpacked {@code keycloak-quarkus-dist} zip ({@value #HOME_PROPERTY}), in dev mode on a free port of
 * 127.0.0.1, with an in-memory database into which the CRM realm is imported at every start, killed at JVM exit.
 */
final class LocalKeycloak {

    static final String HOME_PROPERTY = "crm.keycloak.home";

    static final String TIMEOUT_PROPERTY = "crm.keycloak.start-timeout-seconds";

    static final String ALLOW_CONCURRENT_LOGINS =
            "KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS";

    private LocalKeycloak() {
    }

    static KeycloakEndpoint start() {
        String configuredHome = System.getProperty(HOME_PROPERTY);
        if (configuredHome == null || configuredHome.isBlank()) {
            throw new IllegalStateException("-D" + HOME_PROPERTY + " is not set: unpack org.keycloak:keycloak-quarkus-dist"
                    + " with maven-dependency-plugin and pass its directory to Failsafe (see platform-test/README.md)");
        }
        Path home = Path.of(configuredHome).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no bin/kc.sh in " + HOME_PROPERTY + "=" + home);
        }
        int port = LocalProcesses.freePort();
        int managementPort = LocalProcesses.freePort();
        Path log = LocalProcesses.logDir().resolve("keycloak-" + port + ".log");
        prepareImport(home);
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // the realm's brute-force detection otherwise refuses a user's login while their previous one is still being
        // accounted for; tests sign the same demo users in back to back. Failures are still counted.
        env.put(ALLOW_CONCURRENT_LOGINS, "true");
        // start-up is CPU-bound and the tests need no peak performance: C1 only
        env.put("JAVA_OPTS_APPEND", (env.getOrDefault("JAVA_OPTS_APPEND", "") + " -XX:TieredStopAtLevel=1").trim());
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start " + home.resolve("bin/kc.sh"), ex);
        }
        LocalProcesses.onShutdown("keycloak", () -> LocalProcesses.stop(process));
        String baseUrl = "http://127.0.0.1:" + port;
        KeycloakEndpoint endpoint = new KeycloakEndpoint(baseUrl, baseUrl + "/realms/" + TestInfrastructure.REALM);
        awaitRealm(endpoint, process, log);
        return endpoint;
    }

    /** A fresh data directory holding only the realm to import (dev-mem keeps nothing between starts anyway). */
    private static void prepareImport(Path home) {
        Path data = home.resolve("data");
        LocalProcesses.deleteRecursively(data);
        try {
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(KeycloakRealm.file(), imports.resolve("crm-realm.json"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void awaitRealm(KeycloakEndpoint endpoint, Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(endpoint.issuerUri()
                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        long timeoutSeconds = Long.getLong(TIMEOUT_PROPERTY, 240);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", ex);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "not ready after " + timeoutSeconds + " s" : "exited";
                LocalProcesses.stop(process);
                throw new IllegalStateException("Keycloak " + why + " (realm " + endpoint.issuerUri() + ")\n--- " + log
                        + "\n" + LocalProcesses.tail(log, 40));
            }
            LocalProcesses.sleep(250);
        }
    }
}

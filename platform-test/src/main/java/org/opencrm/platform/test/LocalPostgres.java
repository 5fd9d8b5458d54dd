package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away PostgreSQL 15 server: {@code initdb} into a fresh temporary directory, {@code pg_ctl start} on a free
 * port of 127.0.0.1 with durability switched off (tests need speed, not crash safety), stopped and deleted at JVM exit.
 * PostgreSQL refuses to run as root, so as root the server runs as the OS user {@code postgres}.
 */
final class LocalPostgres {

    static final String BIN_PROPERTY = "crm.postgres.bin";

    static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";

    static final String USER = "crm";

    static final String DATABASE = "crm_test";

    /** How to start the running server again after {@link #stopServer()}; null before the first start. */
    private static volatile Runnable restart;

    private static volatile Runnable halt;

    private LocalPostgres() {
    }

    /** Stops the server (fast shutdown: open connections are cut, as in an outage), keeping its data and port. */
    static void stopServer() {
        if (halt == null) {
            throw new IllegalStateException("the local PostgreSQL was not started");
        }
        halt.run();
    }

    /** Starts the server stopped by {@link #stopServer()} again, on the same port with the same data. */
    static void startServer() {
        if (restart == null) {
            throw new IllegalStateException("the local PostgreSQL was not started");
        }
        restart.run();
    }

    static PostgresEndpoint start() {
        Path bin = Path.of(System.getProperty(BIN_PROPERTY, DEFAULT_BIN));
        if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed at " + bin + " (apt-get install -y "
                    + "postgresql-15, or run ./crm test; another location: -D" + BIN_PROPERTY + "=<dir of pg_ctl>)");
        }
        boolean root = LocalProcesses.runningAsRoot();
        Path base = createBaseDir(root);
        Path data = base.resolve("data");
        Path log = base.resolve("postgres.log");
        int port = LocalProcesses.freePort();
        LocalProcesses.run(asServerUser(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust",
                "-U", USER, "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"), 120);
        String options = "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        LocalProcesses.onShutdown("postgres", () -> stop(root, bin, base));
        restart = () -> {
            try {
                LocalProcesses.run(asServerUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                        log.toString(), "-w", "-t", "60", "-o", options, "start"), 90);
            }
            catch (RuntimeException ex) {
                throw new IllegalStateException(ex.getMessage() + "\n--- " + log + "\n" + LocalProcesses.tail(log, 30),
                        ex);
            }
        };
        halt = () -> LocalProcesses.run(asServerUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-m", "fast", "-w", "stop"), 60);
        restart.run();
        PostgresEndpoint server = new PostgresEndpoint("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, USER);
        return new PostgresEndpoint(server.createDatabase(DATABASE), USER, USER);
    }

    private static Path createBaseDir(boolean root) {
        try {
            Path base = Files.createTempDirectory("crm-test-postgres-");
            if (root) {
                LocalProcesses.run(List.of("chown", "postgres:postgres", base.toString()), 10);
            }
            return base;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> asServerUser(boolean root, String... command) {
        List<String> full = LocalProcesses.command(command);
        if (root) {
            full.addAll(0, List.of("runuser", "-u", "postgres", "--"));
        }
        return full;
    }

    private static void stop(boolean root, Path bin, Path base) {
        try {
            LocalProcesses.run(asServerUser(root, bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"), 30);
        }
        catch (RuntimeException ex) {
            // not started, or already gone: nothing to stop
        }
        LocalProcesses.deleteRecursively(base);
    }
}

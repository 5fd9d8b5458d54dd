package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code redis-server} of one test's own (a local process, whatever the backend), which the test may stop and start
 * again on the same port to play a Redis outage without disturbing the shared {@link TestInfrastructure#redis()}.
 */
public final class StoppableRedis implements AutoCloseable {

    private final int port = LocalProcesses.freePort();

    private final Path dir;

    private Process process;

    private StoppableRedis() {
        try {
            dir = Files.createTempDirectory("crm-test-redis-own-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        process = LocalRedis.launch(port, dir);
        LocalProcesses.onShutdown("redis-" + port, this::close);
    }

    public static StoppableRedis start() {
        return new StoppableRedis();
    }

    public RedisEndpoint endpoint() {
        return new RedisEndpoint("127.0.0.1", port);
    }

    /** Kills the server: its clients see the connection drop, as in a crash. */
    public synchronized void stop() {
        if (process != null) {
            LocalProcesses.stop(process);
            process = null;
        }
    }

    /** Starts it again on the same port (empty: it keeps no data). */
    public synchronized void restart() {
        if (process == null) {
            process = LocalRedis.launch(port, dir);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        stop();
        LocalProcesses.deleteRecursively(dir);
    }
}

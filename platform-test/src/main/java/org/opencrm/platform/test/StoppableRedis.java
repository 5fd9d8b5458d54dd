package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A Redis of one test's own, which the test may stop and start again on the same port to play a Redis outage without
 * disturbing the shared {@link TestInfrastructure#redis()}: a local {@code redis-server}, whatever the backend, run by
 * the same script as every other ({@code ./crm infra start|stop redis --test}) in a work dir of its own.
 */
public final class StoppableRedis implements AutoCloseable {

    private final int port = freePort();

    private final Path workDir;

    private final Path tlsDir;

    private boolean running;

    private StoppableRedis(boolean tls) {
        try {
            workDir = Files.createTempDirectory("crm-test-redis-own-");
            tlsDir = tls ? TestCertificates.serverFor127001(workDir.resolve("tls")) : null;
            // the script takes an instance's ports (and its TLS files) from its ports file
            Files.writeString(workDir.resolve("ports.env"), "export CRM_REDIS_PORT=" + port + "\n"
                    + (tls ? "export CRM_REDIS_TLS_DIR=" + tlsDir + "\n" : ""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        restart();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "crm-test-stop-redis-" + port));
    }

    public static StoppableRedis start() {
        return new StoppableRedis(false);
    }

    /** A Redis whose port speaks TLS only, with a certificate for 127.0.0.1 from a CA of its own. */
    public static StoppableRedis startWithTls() {
        return new StoppableRedis(true);
    }

    /** The PEM file of the CA that signed this Redis's certificate (TLS only). */
    public Path caCertificate() {
        if (tlsDir == null) {
            throw new IllegalStateException("this Redis speaks plain TCP");
        }
        return tlsDir.resolve("ca.crt");
    }

    public RedisEndpoint endpoint() {
        return new RedisEndpoint("127.0.0.1", port);
    }

    /** Stops the server: its clients see the connection drop. */
    public synchronized void stop() {
        if (running) {
            LocalInfrastructure.infra(workDir.toString(), 60, "stop", "redis");
            running = false;
        }
    }

    /** Starts it again on the same port (empty: it keeps no data). */
    public synchronized void restart() {
        if (!running) {
            LocalInfrastructure.infra(workDir.toString(), 60, "start", "redis");
            running = true;
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException ex) {
            // best effort: a temporary directory
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no free port on 127.0.0.1", ex);
        }
    }
}

package org.opencrm.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code redis-server} as a child process on a free port of 127.0.0.1, in memory only, killed at JVM exit. */
final class LocalRedis {

    static final String SERVER_PROPERTY = "crm.redis.server";

    private LocalRedis() {
    }

    static RedisEndpoint start() {
        int port = LocalProcesses.freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("crm-test-redis-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Process process = launch(port, dir);
        LocalProcesses.onShutdown("redis", () -> {
            LocalProcesses.stop(process);
            LocalProcesses.deleteRecursively(dir);
        });
        return new RedisEndpoint("127.0.0.1", port);
    }

    /** Starts {@code redis-server} on the port and waits until it answers PING. */
    static Process launch(int port, Path dir) {
        String server = findServer();
        Path log = LocalProcesses.logDir().resolve("redis-" + port + ".log");
        Process process;
        try {
            process = new ProcessBuilder(server, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start " + server, ex);
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!answersPing(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                LocalProcesses.stop(process);
                throw new IllegalStateException("redis-server did not answer PING on 127.0.0.1:" + port + "\n--- " + log
                        + "\n" + LocalProcesses.tail(log, 20));
            }
            LocalProcesses.sleep(20);
        }
        return process;
    }

    private static String findServer() {
        String configured = System.getProperty(SERVER_PROPERTY);
        if (configured != null) {
            return configured;
        }
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-server is not installed: run ./crm test (it installs "
                        + "what the tests need) or apt-get install -y redis-server; another location: -D"
                        + SERVER_PROPERTY + "=<path of redis-server>"));
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }
}

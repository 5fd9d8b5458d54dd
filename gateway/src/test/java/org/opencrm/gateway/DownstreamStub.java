package org.opencrm.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the CRM services behind the gateway: answers 200 JSON and records what it received. A path ending
 * in {@code /slow} answers only when the stub stops, to provoke the gateway's time limiter; {@code ?stub=delay} answers
 * after {@link #STREAM_PAUSE_MILLIS}, {@code ?stub=stream} with a server-sent-events stream that lasts as long.
 */
final class DownstreamStub {

    record Received(String method, String path, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** How long {@code ?stub=stream} pauses between its events and {@code ?stub=delay} before answering. */
    static final long STREAM_PAUSE_MILLIS = 1200;

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private final CountDownLatch release = new CountDownLatch(1);

    DownstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * A server-sent-events stream: an event, a pause longer than any test time limiter, a heartbeat and a second
     * event, then the end.
     */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            out.write("id: 1\nevent: dashboard\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(STREAM_PAUSE_MILLIS);
            out.write(": heartbeat\n\nid: 2\nevent: changed\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            // the gateway closed the stream
        }
        finally {
            exchange.close();
        }
    }

    private void pause(long millis) {
        try {
            release.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, headers));
        exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        if ("stub=stream".equals(query)) {
            stream(exchange);
            return;
        }
        if ("stub=delay".equals(query)) {
            pause(STREAM_PAUSE_MILLIS);
        }
        if (path.endsWith("/slow")) {
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
        catch (IOException ex) {
            // the gateway gave up waiting (time limiter): nothing to answer
        }
        finally {
            exchange.close();
        }
    }
}

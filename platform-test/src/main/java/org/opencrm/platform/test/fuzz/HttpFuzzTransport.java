package org.opencrm.platform.test.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends fuzz requests over real HTTP (chunked bodies included), e.g. through the gateway, with headers such as a
 * bearer token from {@code headers}.
 */
public class HttpFuzzTransport implements FuzzTransport {

    private static final int MAX_RATE_LIMIT_RETRIES = 30;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Supplier<Map<String, String>> headers;

    public HttpFuzzTransport(String baseUrl, Supplier<Map<String, String>> headers) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = headers;
    }

    @Override
    public FuzzResponse send(FuzzRequest request) throws Exception {
        URI uri;
        try {
            uri = URI.create(baseUrl + request.uri());
        }
        catch (IllegalArgumentException ex) {
            // java.net.http refuses broken escapes such as %ZZ; servers must not
            return sendRaw(URI.create(baseUrl), request);
        }
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        }
        else if (request.chunked()) {
            // an input stream has no known length: the client sends it chunked
            byte[] bytes = request.body();
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        }
        else {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(request.method(), body);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.get().forEach(builder::header);
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                // a rate limiter in front (the gateway's): wait as told, or the probe would test the limiter only
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                response.body().close();
                Thread.sleep(1000 * Math.max(1, seconds));
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream content = response.body()) {
                return new FuzzResponse(response.statusCode(), contentType,
                        isEventStream(contentType) ? "" : new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            // a server may refuse an oversized body and close the connection before the client finished sending it;
            // no answer at all within the timeout is a hang, never a refusal
            if (request.body() != null && !(ex instanceof HttpTimeoutException)) {
                return new FuzzResponse(FuzzResponse.CLOSED_WHILE_SENDING, null, ex.toString());
            }
            throw ex;
        }
    }

    /** HTTP/1.1 over a plain socket, for request targets no URI class accepts. */
    private FuzzResponse sendRaw(URI base, FuzzRequest request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.uri()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
            headers.get().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] body = request.body() == null ? new byte[0] : request.body();
            if (request.body() != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                }
            }
            String content = isEventStream(contentType) ? "" : new String(bodyAsFarAsSent(in), StandardCharsets.UTF_8);
            return new FuzzResponse(status, contentType, content);
        }
    }

    /**
     * The body up to the end, or up to a reset: a server that refuses a request line (a broken escape) answers at once
     * and closes the connection without reading the request's body, and the body left unread makes its side reset
     * the connection, which may come before the client read the answer's last bytes. The status was answered.
     */
    private static byte[] bodyAsFarAsSent(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                body.write(buffer, 0, read);
            }
        }
        catch (SocketException ex) {
            // reset after the answer's head: keep what arrived
        }
        return body.toByteArray();
    }

    /** The status line and headers, up to the blank line; the body stays unread. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int next = in.read(); next >= 0; next = in.read()) {
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1).stripTrailing();
    }

    /** Server-sent events never end: the status and type are the answer, the stream is not read. */
    private static boolean isEventStream(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }
}

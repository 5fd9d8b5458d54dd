package org.opencrm.platform.test.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                // a rate limiter in front (the gateway's): wait as told, or the probe would test the limiter only
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(1000 * Math.max(1, seconds));
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new FuzzResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        catch (IOException ex) {
            // a server may refuse an oversized body and close the connection before the client finished sending it
            if (request.body() != null) {
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
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] lines = (headEnd >= 0 ? response.substring(0, headEnd) : response).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                }
            }
            return new FuzzResponse(status, contentType, headEnd >= 0 ? response.substring(headEnd + 4) : "");
        }
    }
}

package org.opencrm.platform.test.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class HttpFuzzTransportTest {

    /**
     * As the gateway's HTTP layer answers a request line it cannot decode: a 400 at once, then the connection closed
     * with the request's body unread, which resets it (here: its last byte left unread, linger 0). The client has
     * sent everything and the answer's head is in its receive buffer before the reset: it reads the head, then meets
     * the reset.
     */
    @Test
    void takesTheStatusOfARefusalWhoseConnectionWasResetAfterIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> refusing = CompletableFuture.runAsync(() -> refuseOnce(server));
            HttpFuzzTransport transport = new HttpFuzzTransport("http://127.0.0.1:" + server.getLocalPort(), Map::of);

            FuzzResponse response = transport.send(new FuzzRequest("PUT", "/api/v1/customers/%ZZ",
                    "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), false, "a broken escape"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEmpty();
            refusing.join();
        }
    }

    private static void refuseOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            String head = "";
            while (!head.endsWith("\r\n\r\n")) {
                head += (char) in.read();
            }
            int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            in.readNBytes(length - 1);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoLinger(true, 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

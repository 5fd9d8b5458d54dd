package org.opencrm.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpGateTest {

    private ServerSocket echo;

    private TcpGate gate;

    @BeforeEach
    void echoServerBehindAGate() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getByName(TcpGate.HOST));
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket connection = echo.accept();
                    Thread echoing = new Thread(() -> echoUntilEnd(connection));
                    echoing.setDaemon(true);
                    echoing.start();
                }
                catch (IOException ex) {
                    // closed after the test
                }
            }
        });
        server.setDaemon(true);
        server.start();
        gate = new TcpGate(TcpGate.HOST, echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        gate.close();
        echo.close();
    }

    @Test
    void relaysBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(exchange(client, "hello")).isEqualTo("hello");
            assertThat(exchange(client, "again")).isEqualTo("again");
        }
    }

    @Test
    void shutRefusesNewConnectionsAndEndsOpenOnesUntilOpenedOnTheSamePort() throws IOException {
        Socket open = connect();
        assertThat(exchange(open, "before")).isEqualTo("before");

        gate.shut();

        assertThat(open.getInputStream().read()).as("the open connection ended").isEqualTo(-1);
        open.close();
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);

        gate.open();

        try (Socket again = connect()) {
            assertThat(exchange(again, "after")).isEqualTo("after");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(TcpGate.HOST, gate.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String exchange(Socket socket, String message) throws IOException {
        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        return new String(socket.getInputStream().readNBytes(sent.length), StandardCharsets.UTF_8);
    }

    private static void echoUntilEnd(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            in.transferTo(connection.getOutputStream());
        }
        catch (IOException ex) {
            // the gate ended the connection
        }
    }
}

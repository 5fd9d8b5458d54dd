package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback port that relays to a server and that a test can close and open again: closed, it refuses connections
 * and ends the ones it relays, as the server would when stopped, while the server itself keeps running for every
 * other JVM of the build. An outage played on a gate of this JVM's own therefore needs no turn alone
 * ({@link InterruptsInfrastructure}), and the server no restart.
 */
public final class TcpGate implements AutoCloseable {

    /** Where the gate listens: the IPv4 loopback everything local binds to, not whichever loopback the JVM prefers. */
    public static final String HOST = "127.0.0.1";

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress target;

    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();

    private final int port;

    private ServerSocket server;

    /** Opens a gate on a free loopback port to {@code host:port}. */
    public TcpGate(String host, int port) {
        this.target = new InetSocketAddress(host, port);
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptOn(server);
    }

    /** The port on {@link #HOST} to connect to instead of the server's. */
    public int port() {
        return port;
    }

    /** Refuses connections and ends the relayed ones until {@link #open()}. */
    public synchronized void shut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        relayed.forEach(TcpGate::closeQuietly);
        relayed.clear();
    }

    /** Relays connections again, on the same port. */
    public synchronized void open() {
        if (server == null) {
            server = listen(port);
            acceptOn(server);
        }
    }

    @Override
    public void close() {
        shut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            // the port again right after shut(), whatever its earlier connections left in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return socket;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, ex);
        }
    }

    private void acceptOn(ServerSocket socket) {
        daemon("crm-test-gate-" + port, () -> {
            while (!socket.isClosed()) {
                try {
                    relay(socket.accept(), socket);
                }
                catch (IOException ex) {
                    // shut(): the socket was closed under accept()
                }
            }
        });
    }

    private void relay(Socket client, ServerSocket acceptedOn) {
        Socket upstream = new Socket();
        relayed.add(client);
        relayed.add(upstream);
        if (acceptedOn.isClosed()) {
            // accepted as shut() ran: it may have ended the relayed connections before these were among them
            end(client, upstream);
            return;
        }
        daemon("crm-test-gate-" + port + "-connect", () -> {
            try {
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
                daemon("crm-test-gate-" + port + "-down", () -> pipe(upstream, client));
                pipe(client, upstream);
            }
            catch (IOException ex) {
                end(client, upstream);
            }
        });
    }

    /** Copies until either side ends, then ends both (neither the server nor its clients half-close here). */
    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        }
        catch (IOException ex) {
            // a peer, the other direction or shut() ended the connection
        }
        end(from, to);
    }

    private void end(Socket... sockets) {
        for (Socket socket : sockets) {
            relayed.remove(socket);
            closeQuietly(socket);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // closing what is going away anyway
        }
    }
}

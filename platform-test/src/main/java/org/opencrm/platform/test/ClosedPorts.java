package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports that nothing listens on, for tests of what a component does when its peer is down. */
public final class ClosedPorts {

    private ClosedPorts() {
    }

    /**
     * A loopback port that was free a moment ago and is closed again: a connection to it is refused at once (rather
     * than timing out, as an unroutable address would).
     */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

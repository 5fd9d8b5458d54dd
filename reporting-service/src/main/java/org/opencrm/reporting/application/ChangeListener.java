package org.opencrm.reporting.application;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Listens on one connection of its own for {@link ChangeBroadcast}'s notifications and hands another instance's
 * changes to {@link ReadModelChanges}: this instance's kept figures are dropped and its open streams pushed. When the
 * connection breaks (a database restart, a terminated backend) it connects again after
 * {@code crm.reports.change-listener-reconnect}; what was sent meanwhile is lost, so every dataset counts as changed
 * once it listens again.
 */
public class ChangeListener implements SmartLifecycle {

    /** Every widget dataset. */
    private static final List<String> EVERY_DATASET = List.of("activities", "customers", "follow-ups", "leads",
            "payments");

    /** How long one wait for notifications lasts; also how soon a stop is noticed. */
    private static final int WAIT_MILLIS = 500;

    /** A broken connection that delivers nothing must not look like a quiet one: checked this often. */
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    private final DedicatedConnection connections;
    private final ChangeBroadcast broadcast;
    private final ReadModelChanges changes;
    private final Duration reconnect;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("read-model-change-listener-");

    private volatile boolean running;
    private volatile Connection connection;

    public ChangeListener(DedicatedConnection connections, ChangeBroadcast broadcast, ReadModelChanges changes,
            Duration reconnect) {
        this.connections = connections;
        this.broadcast = broadcast;
        this.changes = changes;
        this.reconnect = reconnect;
        executor.setTaskTerminationTimeout(5000);
    }

    @Override
    public void start() {
        running = true;
        executor.execute(this::listenWhileRunning);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        executor.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        boolean first = true;
        while (running && !Thread.currentThread().isInterrupted()) {
            try (Connection listening = connections.open("reporting-service change listener")) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + ChangeBroadcast.CHANNEL);
                }
                if (!first) {
                    log.info("Listening for read-model changes again");
                    changes.changed(EVERY_DATASET);
                }
                first = false;
                receive(listening);
            }
            catch (SQLException | RuntimeException ex) {
                if (!running) {
                    return;
                }
                first = false;
                log.warn("Read-model change listener lost its connection ({}); connecting again in {}",
                        ex.getMessage(), reconnect);
                sleep(reconnect);
            }
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    broadcast.received(notification.getParameter()).ifPresent(changes::changed);
                }
            }
            if (System.nanoTime() - checked > CHECK_NANOS) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("select 1");
                }
                checked = System.nanoTime();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException ex) {
            // closing to stop: nothing to do
        }
    }
}

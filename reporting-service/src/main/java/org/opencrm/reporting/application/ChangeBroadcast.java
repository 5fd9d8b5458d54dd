package org.opencrm.reporting.application;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every instance of the service which datasets a read-model change touched, through PostgreSQL's
 * {@code NOTIFY} on the service's own database: sent inside the change's transaction, so it is delivered only if and
 * when that commits, to every session listening ({@link ChangeListener}). The payload is small and names no figure:
 * the sending instance (which pushed its own streams already) and the datasets.
 */
@Component
public class ChangeBroadcast {

    static final String CHANNEL = "reporting_read_model_changes";

    private final JdbcClient jdbc;
    private final String instance = UUID.randomUUID().toString();

    public ChangeBroadcast(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the transaction of the change: delivered to the other instances when it commits, never if it rolls back. */
    public void send(Collection<String> datasets) {
        jdbc.sql("select 1 from pg_notify(:channel, :payload)").param("channel", CHANNEL)
            .param("payload", instance + "|" + String.join(",", datasets)).query(Integer.class).single();
    }

    /** The datasets a notification names, unless this instance sent it (it told its own streams after its commit). */
    Optional<List<String>> received(String payload) {
        int separator = payload.indexOf('|');
        if (separator < 0 || payload.substring(0, separator).equals(instance)) {
            return Optional.empty();
        }
        String datasets = payload.substring(separator + 1);
        return Optional.of(datasets.isEmpty() ? List.of() : Arrays.asList(datasets.split(",")));
    }
}

package org.opencrm.platform.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Remembers which events a consumer has applied; a second delivery of the same event id is refused. */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Must run in the handler's transaction; returns false when the event was already applied. The row's time is the
     * clock's, not the transaction's start: a transaction applies a poll's events, and their rows keep their order.
     */
    public boolean markReceived(String consumer, UUID eventId, String type) {
        return jdbc.sql("""
                insert into inbox_event (consumer, event_id, type, received_at)
                values (:consumer, :eventId, :type, clock_timestamp())
                on conflict do nothing
                """)
            .param("consumer", consumer)
            .param("eventId", eventId)
            .param("type", type)
            .update() == 1;
    }
}

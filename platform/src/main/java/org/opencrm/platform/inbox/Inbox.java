package org.opencrm.platform.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

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

    /**
     * {@link #markReceived} for many events in one statement, in the handlers' transaction.
     *
     * @param types each event's type, in the order of {@code eventIds}
     * @return the events not applied before (an id listed twice is in it once)
     */
    public Set<UUID> markAllReceived(String consumer, List<UUID> eventIds, List<String> types) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                insert into inbox_event (consumer, event_id, type, received_at)
                select :consumer, e.id, e.type, clock_timestamp() from unnest(:ids, :types) as e(id, type)
                on conflict do nothing
                returning event_id
                """)
            .param("consumer", consumer)
            .param("ids", new SqlArrayValue("uuid", eventIds.toArray()))
            .param("types", new SqlArrayValue("text", types.toArray()))
            .query(UUID.class)
            .list());
    }
}

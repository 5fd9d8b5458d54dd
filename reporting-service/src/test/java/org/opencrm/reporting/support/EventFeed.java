package org.opencrm.reporting.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.opencrm.platform.test.TestNamespace;
import org.opencrm.reporting.support.Envelopes.Event;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Events into the service as the other services' outboxes publish them (on this test JVM's topics), and the wait until
 * its consumers have applied them (their ids in the inbox). A bean of every {@link ReportingIntegrationTest}.
 */
public class EventFeed {

    private final KafkaTemplate<String, String> kafka;

    private final JdbcClient jdbc;

    public EventFeed(KafkaTemplate<String, String> kafka, JdbcClient jdbc) {
        this.kafka = kafka;
        this.jdbc = jdbc;
    }

    public void send(Event event) throws Exception {
        kafka.send(TestNamespace.topic(event.topic()), event.key(), event.json()).get();
    }

    /** A record as a broken producer might write it: the live consumer dead-letters it, a rebuild skips it. */
    public void sendUnreadable(String topic, String key) throws Exception {
        kafka.send(TestNamespace.topic(topic), key, "{\"not\": \"an event envelope\"}").get();
    }

    public void sendAll(List<Event> events) throws Exception {
        for (Event event : events) {
            send(event);
        }
    }

    @SafeVarargs
    public final void awaitApplied(List<Event>... events) {
        List<UUID> ids = Arrays.stream(events).flatMap(List::stream).map(Event::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
            .sql("select count(*) from inbox_event where event_id in (:ids)").param("ids", ids).query(Long.class)
            .single() == ids.size());
    }
}

package org.opencrm.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Subscribes the service to the topics in {@code crm.events.consume} (each with {@code crm.events.topic-prefix}); the
 * record is acknowledged after commit.
 */
public class InboundEventListener {

    private final InboundEventDispatcher dispatcher;

    public InboundEventListener(InboundEventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "${spring.application.name}-events", groupId = "${spring.application.name}",
            topics = "#{'${crm.events.consume}'.split(',').!['${crm.events.topic-prefix:}' + #this.trim()]}")
    public void onEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record.value());
    }
}

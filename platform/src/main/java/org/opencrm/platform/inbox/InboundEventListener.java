package org.opencrm.platform.inbox;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Subscribes the service to the topics in {@code crm.events.consume} (each with {@code crm.events.topic-prefix}) and
 * applies each poll's records in one transaction, in their order (so one aggregate's events stay in order); the
 * records are acknowledged after it committed. A record that fails is handed to the error handler on its own (see
 * {@link InboundEventDispatcher#dispatchAll}).
 */
public class InboundEventListener {

    private final InboundEventDispatcher dispatcher;

    public InboundEventListener(InboundEventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "${spring.application.name}-events", groupId = "${spring.application.name}",
            topics = "#{'${crm.events.consume}'.split(',').!['${crm.events.topic-prefix:}' + #this.trim()]}",
            batch = "true")
    public void onEvents(List<ConsumerRecord<String, String>> records) {
        dispatcher.dispatchAll(records);
    }
}

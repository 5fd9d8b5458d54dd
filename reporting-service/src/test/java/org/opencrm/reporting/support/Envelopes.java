package org.opencrm.reporting.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Event envelopes as the other services' outboxes write them. */
public final class Envelopes {

    private Envelopes() {
    }

    /** One event: its id, topic (without the test namespace), key and JSON. */
    public record Event(UUID id, String topic, String key, String json) {
    }

    public static Event of(String type, UUID aggregateId, Instant at, Map<String, Object> payload) {
        String aggregateType = type.startsWith("follow-up") ? "activity" : type.substring(0, type.indexOf('.'));
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", at.toString());
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.put("producer", aggregateType + "-service");
        envelope.put("correlationId", "corr-" + id);
        envelope.put("actor", "user-actor");
        envelope.put("actorName", "Alex Actor");
        envelope.put("payload", payload);
        return new Event(id, "crm." + aggregateType, aggregateId.toString(),
                JsonMapper.shared().writeValueAsString(envelope));
    }
}

package org.opencrm.platform.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What travels on every CRM topic. The payload stays a JSON tree so that a consumer reads only the fields it
 * knows and ignores the rest. {@code actor} is the acting user's or client's id; {@code actorName} how people
 * know them (the user's name, else the username or client id), so that consumers need not look it up.
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        String producer,
        String correlationId,
        String causationId,
        String actor,
        String actorName,
        JsonNode payload) {

    public static String topicOf(String aggregateType) {
        return "crm." + aggregateType;
    }
}

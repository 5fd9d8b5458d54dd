package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.ActivityEntry;

/**
 * One timeline entry: what ({@code kind}, the event {@code type} and a {@code summary}), who ({@code actorId},
 * {@code actorName}: null for entries recorded before events carried names) and when ({@code occurredAt}: when it
 * happened, not when this service heard). {@code leadId} names the lead the entry is about.
 */
public record TimelineEntryResponse(UUID id, UUID customerId, String kind, String type, String summary,
        String actorId, String actorName, Instant occurredAt, UUID leadId, String correlationId) {

    static TimelineEntryResponse of(ActivityEntry entry) {
        return new TimelineEntryResponse(entry.id(), entry.customerId(), entry.kind(), entry.action(), entry.summary(),
                entry.userId(), entry.userName(), entry.occurredAt(), entry.leadId(), entry.correlationId());
    }
}

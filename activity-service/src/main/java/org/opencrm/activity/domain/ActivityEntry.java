package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a timeline, read without loading the entity: nothing managed by JPA leaves the use cases.
 * {@code leadId} names the lead the entry is about (null for the others); {@code customerName} is the customer's
 * latest name this service heard of (null before any).
 */
public record ActivityEntry(UUID id, UUID customerId, String kind, String userId, String userName, String action,
        String summary, Instant occurredAt, String correlationId, UUID leadId, String customerName) {
}

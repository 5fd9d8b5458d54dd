package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.ActivityEntry;

/**
 * {@code customerName} names the customer an entry of the feed is about (null if no customer event reached this
 * service yet); {@code userName} is null for activities recorded before events carried the actor's name.
 */
public record ActivityResponse(UUID id, UUID customerId, String customerName, String kind, String userId,
        String userName, String action, String summary, Instant timestamp, String correlationId) {

    static ActivityResponse of(ActivityEntry activity) {
        return new ActivityResponse(activity.id(), activity.customerId(), activity.customerName(), activity.kind(),
                activity.userId(), activity.userName(), activity.action(), activity.summary(), activity.occurredAt(),
                activity.correlationId());
    }
}

package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.Activity;

/** {@code userName} is null for activities recorded before events carried the actor's name. */
public record ActivityResponse(UUID id, UUID customerId, String userId, String userName, String action,
        String summary, Instant timestamp, String correlationId) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.getId(), activity.getCustomerId(), activity.getUserId(),
                activity.getUserName(), activity.getAction(), activity.getSummary(), activity.getOccurredAt(),
                activity.getCorrelationId());
    }
}

package org.opencrm.activity.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.Activity;

public record ActivityResponse(UUID id, UUID customerId, String userId, String action, String summary,
        Instant timestamp, String correlationId) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.getId(), activity.getCustomerId(), activity.getUserId(),
                activity.getAction(), activity.getSummary(), activity.getOccurredAt(), activity.getCorrelationId());
    }
}

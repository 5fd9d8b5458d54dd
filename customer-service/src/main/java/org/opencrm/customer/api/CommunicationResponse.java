package org.opencrm.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.customer.domain.CommunicationDirection;
import org.opencrm.customer.domain.CommunicationRow;
import org.opencrm.customer.domain.CommunicationType;

public record CommunicationResponse(UUID id, UUID customerId, CommunicationType type,
        CommunicationDirection direction, String subject,
        @Schema(description = "Sanitised HTML, safe to render as it is; empty when none was given") String body,
        Instant occurredAt, List<String> participants, Integer durationMinutes, String loggedBy, String loggedByName,
        Instant loggedAt) {

    static CommunicationResponse of(CommunicationRow row) {
        return new CommunicationResponse(row.id(), row.customerId(), row.type(), row.direction(), row.subject(),
                row.body(), row.occurredAt(), row.participants(), row.durationMinutes(), row.loggedBy(),
                row.loggedByName(), row.loggedAt());
    }
}

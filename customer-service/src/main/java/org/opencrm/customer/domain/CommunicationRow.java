package org.opencrm.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call, email, meeting or message logged on a customer: what it was, when it happened, who took part, and who
 * logged it when. {@code body} is sanitised HTML; {@code durationMinutes} may be null.
 */
public record CommunicationRow(UUID id, UUID customerId, CommunicationType type, CommunicationDirection direction,
        String subject, String body, Instant occurredAt, List<String> participants, Integer durationMinutes,
        String loggedBy, String loggedByName, Instant loggedAt) {

    public CommunicationRow {
        participants = List.copyOf(participants);
    }
}

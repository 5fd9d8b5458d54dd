package org.opencrm.customer.application;

import java.time.Instant;
import java.util.List;

import org.opencrm.customer.domain.CommunicationDirection;
import org.opencrm.customer.domain.CommunicationType;

/** What a user logs: the body is rich text (sanitised before it is stored), {@code durationMinutes} optional. */
public record NewCommunication(CommunicationType type, CommunicationDirection direction, String subject, String body,
        Instant occurredAt, List<String> participants, Integer durationMinutes) {
}

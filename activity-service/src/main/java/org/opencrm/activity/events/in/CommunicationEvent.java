package org.opencrm.activity.events.in;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's view of the customer.communication-logged payload: only the fields it reads. {@code occurredAt} is when
 * the call or meeting took place, which may be well before it was logged.
 */
public record CommunicationEvent(UUID customerId, String type, String direction, String subject, Instant occurredAt) {
}

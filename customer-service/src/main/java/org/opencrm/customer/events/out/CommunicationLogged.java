package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code customer.communication-logged}, version 1: a call, email, meeting or message was logged. {@code occurredAt}
 * is when it happened (the envelope's is when it was logged).
 */
public record CommunicationLogged(UUID customerId, UUID communicationId, String type, String direction,
        String subject, Instant occurredAt, String loggedBy, String loggedByName) {

    public static final String TYPE = "customer.communication-logged";
}

package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This service's view of a customer event's payload: the customer is {@code id} (created, updated, deleted) or
 * {@code customerId} (the others); {@code ownerId} is created's owner, {@code to} owner-changed's; {@code ownerName} and {@code toName} how people
 * know them.
 */
public record CustomerEvent(UUID id, UUID customerId, List<String> tags, String ownerId, String ownerName, String to,
        String toName, Instant createdAt) {

    UUID customer() {
        return id != null ? id : customerId;
    }
}

package org.opencrm.activity.events.in;

import java.util.UUID;

/**
 * This service's view of the customer events that name the customer as {@code customerId} (owner-changed, restored,
 * purged): only the fields it reads.
 */
public record CustomerStateEvent(UUID customerId, String name, String toName) {
}

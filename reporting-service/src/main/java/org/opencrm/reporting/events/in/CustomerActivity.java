package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's view of a note, communication or document event: whose customer, the lead it is about (a note on a
 * lead; else absent), and when it happened.
 */
public record CustomerActivity(UUID customerId, UUID leadId, Instant occurredAt) {
}

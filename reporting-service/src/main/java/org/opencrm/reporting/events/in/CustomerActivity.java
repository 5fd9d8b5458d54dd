package org.opencrm.reporting.events.in;

import java.time.Instant;
import java.util.UUID;

/** This service's view of a note, communication or document event: whose customer, and when it happened. */
public record CustomerActivity(UUID customerId, Instant occurredAt) {
}

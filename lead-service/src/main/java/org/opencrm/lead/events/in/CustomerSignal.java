package org.opencrm.lead.events.in;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's view of an event that counts as a scoring signal about a customer ({@code customer.communication-logged}
 * on crm.customer, {@code follow-up.*} on crm.activity): whose customer, and when it happened.
 */
public record CustomerSignal(UUID customerId, Instant occurredAt) {
}

package org.opencrm.lead.events.in;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's view of a payment event ({@code payment.*} on crm.payment): the payment, its lead (null: none) and the
 * payment's status after the event ({@code status} of recorded and refunded, {@code to} of status-changed).
 */
public record PaymentSignal(UUID paymentId, UUID leadId, String status, String to, Instant occurredAt) {
}

package org.opencrm.payment.events.out;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code payment.recorded}, version 1; {@code amount} with the currency's minor-unit scale, as the API shows it;
 * {@code paidAt} when the money moved (null while pending), which a backdated payment sets before it was recorded.
 */
public record PaymentRecorded(UUID paymentId, UUID customerId, UUID leadId, String amount, String currency,
        String status, String method, String externalRef, Instant paidAt, Instant occurredAt) {

    public static final String TYPE = "payment.recorded";
}

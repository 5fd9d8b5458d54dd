package org.opencrm.payment.domain;

import java.time.Instant;
import java.util.UUID;

/** What a list is narrowed to; every part is optional. {@code from} inclusive, {@code to} exclusive (recorded at). */
public record PaymentFilter(UUID customerId, UUID leadId, PaymentStatus status, PaymentMethod method,
        String currency, Instant from, Instant to) {

    public static PaymentFilter none() {
        return new PaymentFilter(null, null, null, null, null, null, null);
    }
}

package org.opencrm.payment.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;

import org.opencrm.payment.domain.PaymentFilter;
import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentStatus;

/** The query parameters that select payments, for the list and its totals alike; none narrows by itself. */
public record PaymentQuery(UUID customerId, UUID leadId, PaymentStatus status, PaymentMethod method,
        @Parameter(description = "ISO 4217 code, upper case") @Pattern(regexp = "^[A-Z]{3}$") String currency,
        @Parameter(description = "paid (or, until it is, recorded) at or after (ISO 8601 instant)") Instant from,
        @Parameter(description = "paid (or, until it is, recorded) before (ISO 8601 instant)") Instant to) {

    PaymentFilter filter() {
        return new PaymentFilter(customerId, leadId, status, method, currency, Instants.requireStorable("from", from),
                Instants.requireStorable("to", to));
    }
}

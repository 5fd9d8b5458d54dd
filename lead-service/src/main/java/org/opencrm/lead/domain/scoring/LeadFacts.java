package org.opencrm.lead.domain.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a lead's score is computed from: its own fields and what the service heard about it and its customer.
 *
 * @param signals per kind of event ({@code customer}, {@code activity}, {@code communication} about the customer,
 *        {@code payment} on the lead, {@code note} on either): how many and when the last one happened
 */
public record LeadFacts(UUID leadId, UUID customerId, BigDecimal value, String currency, String source, String status,
        Instant createdAt, Map<String, Signal> signals) {

    public LeadFacts {
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /** How often and how lately something of one kind happened. */
    public record Signal(long count, Instant lastAt) {

        /** Both together: their counts added, the later of their last times. */
        public Signal plus(Signal other) {
            return new Signal(count + other.count, lastAt.isAfter(other.lastAt) ? lastAt : other.lastAt);
        }
    }
}

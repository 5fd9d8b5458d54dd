package org.opencrm.lead.domain.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a lead's score is computed from: its own fields and what the service heard about its customer.
 *
 * @param signals per kind of event about the customer ({@code customer}, later {@code activity}, {@code payment},
 *        {@code communication}): how many and when the last one happened
 */
public record LeadFacts(UUID leadId, UUID customerId, BigDecimal value, String currency, String source, String status,
        Instant createdAt, Map<String, Signal> signals) {

    public LeadFacts {
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /** How often and how lately something of one kind happened. */
    public record Signal(long count, Instant lastAt) {
    }
}

package org.opencrm.activity.domain;

import java.util.List;
import java.util.UUID;

/**
 * Which entries to list: one customer's ({@code customerId}) or the whole feed (null), only those about one lead
 * ({@code leadId}, or null for any), of the given kinds (empty: all), and, for a caller limited to their own records
 * ({@code owner}), no entry about a lead assigned to someone else.
 */
public record TimelineFilter(UUID customerId, UUID leadId, List<String> kinds, String owner) {

    public TimelineFilter {
        kinds = kinds == null ? List.of() : kinds.stream().distinct().sorted().toList();
    }
}

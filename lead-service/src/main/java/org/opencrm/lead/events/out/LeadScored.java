package org.opencrm.lead.events.out;

import java.util.UUID;

/** {@code lead.scored}, version 1: the score changed ({@code previousScore} null for the first one). */
public record LeadScored(UUID leadId, UUID customerId, String title, int score, Integer previousScore,
        String ruleSetVersion) {

    public static final String TYPE = "lead.scored";
}

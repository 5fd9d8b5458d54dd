package org.opencrm.lead.domain.scoring;

import java.util.List;

/** A score 0–100 and how it came about. */
public record LeadScore(int score, String ruleSetVersion, List<Factor> factors) {

    public LeadScore {
        factors = List.copyOf(factors);
    }
}

package org.opencrm.lead.application;

import java.time.Instant;
import java.util.List;

import org.opencrm.lead.domain.scoring.Factor;

/**
 * A lead's current score with each factor's points and reason. {@code pending}: the lead or its customer changed
 * since, and it is about to be scored again (within the recompute interval).
 */
public record ScoreDetails(int score, String ruleSetVersion, Instant computedAt, List<Factor> factors,
        boolean pending) {
}

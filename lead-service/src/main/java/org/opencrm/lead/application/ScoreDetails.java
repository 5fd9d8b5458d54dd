package org.opencrm.lead.application;

import java.time.Instant;
import java.util.List;

import org.opencrm.lead.domain.scoring.Factor;

/**
 * A lead's current score with each factor's points and reason; before its first scoring {@code score},
 * {@code ruleSetVersion} and {@code computedAt} are null and {@code factors} empty. {@code pending}: the lead is about to
 * be scored (again: it or its customer changed since), within the recompute interval.
 */
public record ScoreDetails(Integer score, String ruleSetVersion, Instant computedAt, List<Factor> factors,
        boolean pending) {
}

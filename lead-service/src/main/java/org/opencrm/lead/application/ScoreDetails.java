package org.opencrm.lead.application;

import java.time.Instant;
import java.util.List;

import org.opencrm.lead.domain.scoring.Factor;

/** A lead's current score with each factor's points and reason. */
public record ScoreDetails(int score, String ruleSetVersion, Instant computedAt, List<Factor> factors) {
}

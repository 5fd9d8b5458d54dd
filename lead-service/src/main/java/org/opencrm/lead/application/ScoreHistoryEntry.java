package org.opencrm.lead.application;

import java.time.Instant;

public record ScoreHistoryEntry(int score, String ruleSetVersion, Instant computedAt) {
}

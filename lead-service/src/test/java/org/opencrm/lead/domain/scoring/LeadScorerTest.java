package org.opencrm.lead.domain.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.lead.domain.scoring.ScoringRules.AgeBand;
import org.opencrm.lead.domain.scoring.ScoringRules.SignalRule;
import org.opencrm.lead.domain.scoring.ScoringRules.Threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LeadScorerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static final ScoringRules RULES = new ScoringRules("2026-12-01",
            Map.of("EUR", List.of(new Threshold(new BigDecimal("1000"), 5), new Threshold(new BigDecimal("10000"), 15))),
            Map.of("REFERRAL", 20, "WEB", 8),
            List.of(new AgeBand(30, 5), new AgeBand(7, 15)), -10,
            Map.of("IN_PROGRESS", 10, "CLOSED_LOST", -100),
            Map.of("customer", new SignalRule(2, 10, 14, 5, "customer updates")));

    @Test
    void explainsEveryFactor() {
        LeadFacts lead = lead("12500.00", "EUR", "REFERRAL", "IN_PROGRESS", Duration.ofDays(3),
                Map.of("customer", new LeadFacts.Signal(3, NOW.minus(Duration.ofDays(2)))));

        LeadScore score = new LeadScorer(RULES).score(lead, NOW);

        assertThat(score.factors()).extracting(Factor::name, Factor::points, Factor::reason).containsExactly(
                tuple("value", 15, "Value 12,500 EUR is at least 10,000"),
                tuple("source", 20, "Source: referral"),
                tuple("age", 15, "Created 3 days ago (at most 7 days)"),
                tuple("status", 10, "Status: in progress"),
                tuple("customer", 11, "Customer updates: 3, the latest 2 days ago"));
        assertThat(score.score()).isEqualTo(71);
        assertThat(score.ruleSetVersion()).isEqualTo("2026-12-01");
    }

    @Test
    void saysWhyAFactorGivesNothing() {
        LeadFacts lead = lead("500", "EUR", "OTHER", "NEW", Duration.ofDays(20), Map.of());

        LeadScore score = new LeadScorer(RULES).score(lead, NOW);

        assertThat(score.factors()).extracting(Factor::reason).containsExactly("Value 500 EUR is below 1,000",
                "Source: other", "Created 20 days ago (at most 30 days)", "Status: new", "No customer updates yet");
        assertThat(score.score()).isEqualTo(5);
        assertThat(new LeadScorer(RULES).score(lead("3000", "JPY", "WEB", "NEW", Duration.ofDays(1), Map.of()), NOW)
                .factors().get(0).reason()).isEqualTo("No value thresholds for JPY");
    }

    @Test
    void holdsTheScoreWithin0And100() {
        LeadFacts lost = lead("500", "EUR", "OTHER", "CLOSED_LOST", Duration.ofDays(400), Map.of());
        assertThat(new LeadScorer(RULES).score(lost, NOW).score()).isZero();

        ScoringRules generous = new ScoringRules("big", RULES.value(), Map.of("REFERRAL", 90), RULES.age(), 0,
                RULES.status(), RULES.signals());
        LeadFacts hot = lead("50000", "EUR", "REFERRAL", "IN_PROGRESS", Duration.ofDays(1), Map.of());
        assertThat(new LeadScorer(generous).score(hot, NOW).score()).isEqualTo(100);
    }

    @Test
    void aRuleChangeChangesTheScoreAndItsVersion() {
        LeadFacts lead = lead("12500.00", "EUR", "WEB", "NEW", Duration.ofDays(3), Map.of());
        ScoringRules webMatters = new ScoringRules("2026-12-02", RULES.value(), Map.of("WEB", 30), RULES.age(),
                RULES.olderPoints(), RULES.status(), RULES.signals());

        LeadScore before = new LeadScorer(RULES).score(lead, NOW);
        LeadScore after = new LeadScorer(webMatters).score(lead, NOW);

        assertThat(after.score() - before.score()).isEqualTo(22);
        assertThat(after.ruleSetVersion()).isEqualTo("2026-12-02");
        assertThat(after.factors()).filteredOn(f -> f.name().equals("source")).extracting(Factor::points)
                .containsExactly(30);
    }

    @Test
    void anOldSignalCountsWithoutTheRecencyBonusAndIsCapped() {
        LeadFacts lead = lead("0", "EUR", "WEB", "NEW", Duration.ofDays(1),
                Map.of("customer", new LeadFacts.Signal(40, NOW.minus(Duration.ofDays(60)))));

        Factor customer = new LeadScorer(RULES).score(lead, NOW).factors().get(4);

        assertThat(customer.points()).isEqualTo(10);
        assertThat(customer.reason()).isEqualTo("Customer updates: 40, the latest 60 days ago");
    }

    @Test
    void signalsOfOneKindFromTwoPlacesAddUpAndKeepTheLaterTime() {
        LeadFacts.Signal older = new LeadFacts.Signal(2, NOW.minus(Duration.ofDays(9)));
        LeadFacts.Signal newer = new LeadFacts.Signal(1, NOW.minus(Duration.ofDays(1)));

        assertThat(older.plus(newer)).isEqualTo(new LeadFacts.Signal(3, newer.lastAt()));
        assertThat(newer.plus(older)).isEqualTo(new LeadFacts.Signal(3, newer.lastAt()));
    }

    private static LeadFacts lead(String value, String currency, String source, String status, Duration age,
            Map<String, LeadFacts.Signal> signals) {
        return new LeadFacts(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal(value), currency, source, status,
                NOW.minus(age), signals);
    }
}

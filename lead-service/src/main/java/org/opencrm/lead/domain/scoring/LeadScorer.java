package org.opencrm.lead.domain.scoring;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a lead's score under one rule set: every rule gives a factor with its points and its reason, the score is
 * their sum held within 0–100. A new kind of event (payments, communications) is one more entry under
 * {@code signals}, no code change.
 */
public final class LeadScorer {

    public static final int MIN = 0;

    public static final int MAX = 100;

    private final ScoringRules rules;

    public LeadScorer(ScoringRules rules) {
        this.rules = rules;
    }

    public ScoringRules rules() {
        return rules;
    }

    public LeadScore score(LeadFacts lead, Instant now) {
        List<Factor> factors = new ArrayList<>();
        factors.add(value(lead));
        factors.add(new Factor("source", rules.source().getOrDefault(lead.source(), 0), "Source: " + words(lead.source())));
        factors.add(age(lead, now));
        factors.add(new Factor("status", rules.status().getOrDefault(lead.status(), 0), "Status: " + words(lead.status())));
        rules.signals().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(rule -> factors.add(signal(rule.getKey(), rule.getValue(), lead, now)));
        int sum = factors.stream().mapToInt(Factor::points).sum();
        return new LeadScore(Math.max(MIN, Math.min(MAX, sum)), rules.version(), factors);
    }

    private Factor value(LeadFacts lead) {
        String amount = format(lead.value()) + " " + lead.currency();
        List<ScoringRules.Threshold> thresholds = rules.value().get(lead.currency());
        if (thresholds == null || thresholds.isEmpty()) {
            return new Factor("value", 0, "No value thresholds for " + lead.currency());
        }
        Optional<ScoringRules.Threshold> reached = thresholds.stream()
                .filter(t -> lead.value().compareTo(t.min()) >= 0)
                .max(Comparator.comparing(ScoringRules.Threshold::min));
        return reached
                .map(t -> new Factor("value", t.points(), "Value " + amount + " is at least " + format(t.min())))
                .orElseGet(() -> new Factor("value", 0, "Value " + amount + " is below "
                        + format(thresholds.stream().map(ScoringRules.Threshold::min).min(BigDecimal::compareTo)
                                .orElseThrow())));
    }

    private Factor age(LeadFacts lead, Instant now) {
        long days = Math.max(0, Duration.between(lead.createdAt(), now).toDays());
        String created = "Created " + ago(days);
        return rules.age().stream().filter(band -> days <= band.maxDays()).findFirst()
                .map(band -> new Factor("age", band.points(), created + " (at most " + days(band.maxDays()) + ")"))
                .orElseGet(() -> new Factor("age", rules.olderPoints(), created));
    }

    private static Factor signal(String kind, ScoringRules.SignalRule rule, LeadFacts lead, Instant now) {
        String label = rule.label() == null || rule.label().isBlank() ? kind + " events" : rule.label();
        LeadFacts.Signal signal = lead.signals().get(kind);
        if (signal == null || signal.count() == 0) {
            return new Factor(kind, 0, "No " + label + " yet");
        }
        int points = (int) Math.min(rule.maxPoints(), signal.count() * rule.pointsEach());
        long daysSince = Math.max(0, Duration.between(signal.lastAt(), now).toDays());
        if (daysSince <= rule.recentDays()) {
            points += rule.recentPoints();
        }
        return new Factor(kind, points, capitalised(label) + ": " + signal.count() + ", the latest " + ago(daysSince));
    }

    private static String ago(long days) {
        return days == 0 ? "today" : days(days) + " ago";
    }

    /** A code as words: {@code IN_PROGRESS} is "in progress". */
    private static String words(String code) {
        return code == null ? "none" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }
}
